#pragma once
// What the focus knows of one room occupant (docs/protocol.md §5.3).
#include <cstdint>
#include <optional>
#include <string>

#include "protocol/muc/MucPresence.h"
#include "util/Jid.h"

namespace jicofo::muc {

struct Occupant {
    util::Jid occupantJid;  // room@service/nick
    std::string nick;
    util::Jid realJid;  // from the muc#user item (the room is non-anonymous for the focus)
    protocol::MucAffiliation affiliation = protocol::MucAffiliation::None;
    protocol::MucRole role = protocol::MucRole::None;
    std::uint64_t arrival = 0;  // strictly increasing per room: lower = present longer
    int joinNumber = 0;         // the 2015 counter: occupants at join time (start-muted rules, §6.2)
    std::optional<protocol::StartMuted> startMuted;  // last <startmuted/> this occupant published
    std::optional<protocol::EntityCaps> caps;        // XEP-0115 caps of its latest presence that had them
    std::string region;  // jitsi_participant_region of its latest presence that had one (bridge selection)

    bool isOwner() const { return affiliation == protocol::MucAffiliation::Owner; }
    // OWNER, ADMINISTRATOR or MODERATOR in the 2015 mapping (§5.3).
    bool isModeratorOrBetter() const {
        return affiliation == protocol::MucAffiliation::Owner ||
               affiliation == protocol::MucAffiliation::Admin || role == protocol::MucRole::Moderator;
    }
};

}  // namespace jicofo::muc
