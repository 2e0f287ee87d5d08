#pragma once
// One authentication session (docs/protocol.md §4.6): kept in memory only, owned by SessionStore.
#include <optional>
#include <string>

#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::auth {

struct AuthSession {
    std::string id;          // random UUID; a bearer secret, so logs show only its start (shortId())
    std::string machineUid;  // the browser's machine-uid; every later use must present the same one
    std::string identity;    // bare JID (XMPP authority) or the `mail` header (Shibboleth)
    util::Jid room;          // room of the request (or login page) that created the session
    std::optional<util::Jid> boundJid;  // the full JID that may act with this session, latest binding wins
    util::TimePoint lastActivity{};     // loop clock; expiry counts from here

    std::string shortId() const { return id.substr(0, 8); }
};

}  // namespace jicofo::auth
