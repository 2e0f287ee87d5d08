#include "support/MeetClient.h"

#include "protocol/stanza/Namespaces.h"
#include "support/ClientSamples.h"

namespace jicofo::test {

xml::Element MeetClient::requestConference(const std::string& room,
                                           std::vector<std::pair<std::string, std::string>> props,
                                           util::Duration timeout) {
    protocol::ConferenceIq c;
    c.room = room;
    c.machineUid = "0123456789abcdef";
    for (auto& [k, v] : props) c.addProperty(k, v);
    auto iq = protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(prosody_.focusComponent()),
                                    c.toElement());
    return client_->request(iq, timeout);
}

std::optional<protocol::MucPresence> MeetClient::join(const std::string& room, const std::string& nick,
                                                      util::Duration timeout) {
    room_ = room;
    nick_ = nick;
    auto occupant = *util::Jid::parse(room + "/" + nick);
    // What lib-jitsi-meet sends (samples/…/muc-join-presence.xml), trimmed.
    std::vector<xml::Element> extensions;
    if (sendCaps_) extensions.push_back(clientCaps2015().toElement());
    xml::Element p = protocol::makeMucJoin(occupant, extensions);
    p.addChild("nick", protocol::ns::kNick).setText(nick);
    p.addChild("audiomuted", protocol::ns::kAudioMute).setText("false");
    if (!region_.empty()) p.addChild("jitsi_participant_region").setText(region_);
    client_->send(p);
    return waitPresence(
        occupant.str(), [](const protocol::MucPresence& m) { return m.isSelf() || m.error; }, timeout);
}

void MeetClient::leave() {
    if (room_.empty()) return;
    client_->send(protocol::makeMucLeave(*util::Jid::parse(occupantJid())));
}

std::optional<protocol::MucPresence> MeetClient::waitPresence(
    const std::string& occupant, std::function<bool(const protocol::MucPresence&)> pred,
    util::Duration timeout) {
    auto want = util::Jid::parse(occupant);
    std::optional<protocol::MucPresence> found;
    client_->waitFor(
        [&](const xml::Element& e) {
            if (e.name() != "presence") return false;
            auto m = protocol::MucPresence::parse(e);
            if (!m || !want || m->from != *want || !pred(m.value())) return false;
            found = m.value();
            return true;
        },
        timeout);
    return found;
}

}  // namespace jicofo::test
