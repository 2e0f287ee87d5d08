#pragma once
// The authentication part of the configuration (docs/protocol.md §2.2, §2.3), filled by app from FocusConfig
// (auth does not depend on config).
#include <optional>
#include <string>

#include "util/Loop.h"

namespace jicofo::auth {

struct AuthSettings {
    std::string url;                       // org.jitsi.jicofo.auth.URL; empty ⇒ no authority
    std::optional<std::string> logoutUrl;  // org.jitsi.jicofo.auth.LOGOUT_URL (Shibboleth only)
    bool disableAutologin = false;         // DISABLE_AUTOLOGIN: drop a room's sessions when it ends
    util::Duration lifetime{86400000};     // AUTH_LIFETIME: inactivity before a session expires
    // New: an XMPP-domain user gets a new session with every conference IQ (as in 2015); past this many per
    // identity the least recently used goes, so one account cannot fill the memory within AUTH_LIFETIME.
    size_t maxSessionsPerIdentity = 64;
};

}  // namespace jicofo::auth
