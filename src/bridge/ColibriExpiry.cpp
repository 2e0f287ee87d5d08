#include "bridge/ColibriExpiry.h"

#include "log/Log.h"
#include "protocol/colibri/ColibriRequests.h"

namespace jicofo::bridge {

using protocol::colibri::ColibriConference;
using protocol::colibri::ColibriContent;
using protocol::colibri::ParticipantChannels;

ParticipantChannels channelsToExpire(const ColibriConference& response, const std::string& endpoint) {
    ParticipantChannels pc;
    pc.conferenceId = response.id;
    pc.endpoint = endpoint;
    for (const auto& content : response.contents) {
        ColibriContent mine;
        mine.name = content.name;
        for (const auto& c : content.channels)
            if (!c.id.empty() && (c.endpoint.empty() || c.endpoint == endpoint)) mine.channels.push_back(c);
        for (const auto& s : content.sctpConnections)
            if (!s.id.empty() && (s.endpoint.empty() || s.endpoint == endpoint))
                mine.sctpConnections.push_back(s);
        if (!mine.channels.empty() || !mine.sctpConnections.empty()) pc.contents.push_back(std::move(mine));
    }
    return pc;
}

void sendExpire(xmpp::IqRouter& router, util::Duration timeout, const util::Jid& bridge,
                const std::string& conferenceId, const std::string& conferenceName,
                const std::vector<ParticipantChannels>& channels) {
    if (conferenceId.empty()) return;
    auto conf = protocol::colibri::buildExpire(conferenceId, conferenceName, channels);
    if (!conf) return;
    auto iq = protocol::Iq::request(protocol::IqType::Set, bridge, conf->toElement());
    router.sendRequest(iq, timeout,
                       [bridge, conferenceId](util::Result<protocol::Iq, protocol::StanzaError> r) {
                           if (!r)
                               JLOG(debug) << "expire in conference " << conferenceId << " on "
                                           << bridge.str() << ": " << r.error().condition;
                       });
}

void expireAnswer(xmpp::IqRouter& router, util::Duration timeout, const util::Jid& bridge,
                  const std::string& conferenceName, const std::string& endpoint,
                  const protocol::Iq& answer) {
    if (!answer.payload || !ColibriConference::isConference(*answer.payload)) return;
    auto conf = ColibriConference::parse(*answer.payload);
    if (!conf) return;
    JLOG(info) << "expiring channels of " << endpoint << " allocated on " << bridge.str()
               << " after their allocation was abandoned";
    sendExpire(router, timeout, bridge, conf->id, conferenceName, {channelsToExpire(*conf, endpoint)});
}

}  // namespace jicofo::bridge
