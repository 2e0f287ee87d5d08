#pragma once
// What the conference code needs of the configuration (the app fills it from config::FocusConfig; conference/
// may not depend on config/, docs/architecture.md §3.1).
#include <cstddef>
#include <string>

#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::conference {

struct FocusSettings {
    util::Jid focusUserJid;        // USER_NAME@USER_DOMAIN: the `focusjid` told to clients (no resource)
    std::string nick = "focus";    // MUC nickname = USER_NAME
    bool userHasPassword = false;  // decides the ready='true' override (docs/protocol.md §4.3 step 6)
    util::Duration idleTimeout{15000};
    bool disableAutoOwner = false;
    std::size_t maxConferencesPerJid = 50;
    util::Duration mucJoinTimeout{5000};
    util::Duration iqTimeout{20000};
};

}  // namespace jicofo::conference
