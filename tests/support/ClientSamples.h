#pragma once
// What a 2015 Jitsi Meet client and the MUC service say, for tests that play them: the client's Jingle
// features (samples/lib-jitsi-meet-1.0.6/disco-info-result.xml) and an occupant presence as Prosody relays
// it.
#include <string>
#include <vector>

#include "protocol/disco/EntityCaps.h"
#include "xml/Element.h"

namespace jicofo::test {

const std::vector<std::string>& clientFeatures2015();
// The XEP-0115 caps a 2015 client puts in its join presence: sha-1 over clientFeatures2015() (no identity),
// the ver of samples/lib-jitsi-meet-1.0.6/muc-join-presence.xml.
const protocol::EntityCaps& clientCaps2015();

// <presence from='room/nick'> with the muc#user item (affiliation, role, real jid) and status codes, as the
// MUC service sends it to the focus; unavailable ⇒ type='unavailable' and role none.
xml::Element mucOccupantPresence(const std::string& room, const std::string& nick, const std::string& realJid,
                                 const std::string& affiliation = "none",
                                 const std::string& role = "participant", const std::vector<int>& codes = {},
                                 bool unavailable = false);

}  // namespace jicofo::test
