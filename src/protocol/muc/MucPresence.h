#pragma once
// A presence from a MUC occupant (XEP-0045 §7): what the focus reads of it (docs/protocol.md §5.3) and the
// presences the focus sends (join, leave, with extensions).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "protocol/disco/EntityCaps.h"
#include "protocol/stanza/StanzaError.h"
#include "util/Jid.h"
#include "xml/Element.h"

namespace jicofo::protocol {

enum class MucAffiliation { None, Outcast, Member, Admin, Owner };
enum class MucRole { None, Visitor, Participant, Moderator };

MucAffiliation parseAffiliation(const std::string& s);
MucRole parseRole(const std::string& s);
const char* toString(MucAffiliation a);
const char* toString(MucRole r);

struct StartMuted {
    bool audio = false, video = false;  // missing attributes parse as false (§6.2)
    bool operator==(const StartMuted& o) const { return audio == o.audio && video == o.video; }
};

struct MucPresence {
    util::Jid from;  // room@service/nick
    bool unavailable = false;
    std::optional<StanzaError> error;  // type='error'
    // muc#user item
    MucAffiliation affiliation = MucAffiliation::None;
    MucRole role = MucRole::None;
    util::Jid realJid;  // empty in an anonymous room
    std::set<int> statusCodes;
    bool destroyed = false;           // <destroy/> in muc#user (room destroyed)
    std::optional<std::string> nick;  // <nick xmlns='http://jabber.org/protocol/nick'>
    std::optional<StartMuted> startMuted;
    std::optional<EntityCaps> caps;  // XEP-0115 <c/>; absent when missing or without hash/node/ver
    // The participant's region for bridge selection (docs/media.md §1.5): <jitsi_participant_region>TEXT</…>
    // in the presence's own namespace, else the older <region xmlns='http://jitsi.org/jitsi-meet' id=…/>
    // (both sent by the 2021 client); "" when neither is there. Surrounding white space is dropped.
    std::string region;

    bool isSelf() const { return statusCodes.count(110) > 0; }
    bool kicked() const { return statusCodes.count(307) > 0; }
    // Refuses stanzas that are not presences, or whose 'from' is not an occupant JID (room@service/nick).
    static ParseResult<MucPresence> parse(const xml::Element& presence);
    // The presence as the MUC service sends it: what parse() reads, in jabber:client (tests and the fuzz
    // round trip; the focus itself only reads these).
    xml::Element toElement() const;
    // Every field; errors by condition, type and text.
    bool operator==(const MucPresence& o) const;
    bool operator!=(const MucPresence& o) const { return !(*this == o); }
};

// <presence to='room@service/nick'><x xmlns='http://jabber.org/protocol/muc'/>caps + extensions</presence>
xml::Element makeMucJoin(const util::Jid& occupant, const std::vector<xml::Element>& extensions);
// Re-sent presence (no <x muc/>) carrying the current extensions.
xml::Element makeMucUpdate(const util::Jid& occupant, const std::vector<xml::Element>& extensions);
xml::Element makeMucLeave(const util::Jid& occupant);

}  // namespace jicofo::protocol
