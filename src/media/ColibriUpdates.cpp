// The updates of ColibriUpdates.h (docs/media.md §2.4 a–d).
#include "media/ColibriUpdates.h"

namespace jicofo::media {

using namespace protocol::colibri;
namespace jingle = protocol::jingle;

ColibriConference buildSourcesUpdate(const ParticipantChannels& channels,
                                     const jingle::MediaSources& sources) {
    ColibriConference conf;
    conf.id = channels.conferenceId;
    for (const auto& c : channels.contents) {
        if (c.channels.empty()) continue;  // data: no RTP channel
        const jingle::MediaSourceSet* mine = sources.find(c.name);
        ColibriContent& content = conf.getOrAddContent(c.name);
        Channel ch;
        ch.id = c.channels.front().id;
        if (mine) {
            ch.sources = mine->sources;
            ch.groups = mine->groups;
        }
        if (ch.sources.empty()) ch.sources.push_back(jingle::Source{});
        if (ch.groups.empty()) ch.groups.push_back(jingle::SourceGroup{"SIM", {}, {}});
        content.channels.push_back(std::move(ch));
    }
    return conf;
}

std::optional<ColibriConference> buildTransportUpdate(const ParticipantChannels& channels,
                                                      const std::string& conferenceName,
                                                      const std::vector<jingle::Content>& contents,
                                                      const std::vector<std::string>& offeredContents) {
    ColibriConference conf;
    conf.id = channels.conferenceId;
    conf.name = conferenceName;
    if (channels.bundle) {
        for (const auto& c : contents) {
            if (!c.transport) continue;
            ChannelBundle b;
            b.id = channels.bundle->id;
            b.transport = c.transport->relayCopy();
            b.transport->rtcpMux = true;
            conf.channelBundles.push_back(std::move(b));
            return conf;
        }
        return std::nullopt;
    }
    for (const auto& c : contents) {
        if (!c.transport) continue;
        const std::string media = jingle::mediaOf(c, offeredContents);
        if (const Channel* mine = channels.channel(media)) {
            Channel ch;
            ch.id = mine->id;
            ch.endpoint = mine->endpoint.empty() ? channels.endpoint : mine->endpoint;
            ch.initiator = true;
            ch.transport = c.transport->relayCopy();
            conf.getOrAddContent(media).channels.push_back(std::move(ch));
        } else if (const SctpConnection* sctp = channels.sctpConnection(media)) {
            SctpConnection s;
            s.id = sctp->id;
            s.endpoint = sctp->endpoint.empty() ? channels.endpoint : sctp->endpoint;
            s.initiator = true;
            s.port = 5000;
            s.transport = c.transport->relayCopy();
            conf.getOrAddContent(media).sctpConnections.push_back(std::move(s));
        }
    }
    if (conf.contents.empty()) return std::nullopt;
    return conf;
}

std::optional<ColibriConference> buildPayloadTypesUpdate(const ParticipantChannels& channels,
                                                         const std::string& conferenceName,
                                                         const std::vector<jingle::Content>& contents,
                                                         const std::vector<std::string>& offeredContents) {
    ColibriConference conf;
    conf.id = channels.conferenceId;
    conf.name = conferenceName;
    for (const auto& c : contents) {
        if (!c.description || c.description->payloadTypes.empty()) continue;
        const std::string media = jingle::mediaOf(c, offeredContents);
        const Channel* mine = channels.channel(media);
        if (!mine) continue;
        Channel ch;
        ch.id = mine->id;
        ch.payloadTypes = c.description->payloadTypes;
        conf.getOrAddContent(media).channels.push_back(std::move(ch));
    }
    if (conf.contents.empty()) return std::nullopt;
    return conf;
}

AcceptUpdates buildAcceptUpdates(const ParticipantChannels& channels, const std::string& conferenceName,
                                 const jingle::Jingle& sessionAccept,
                                 const jingle::MediaSources& currentSources,
                                 const std::vector<std::string>& offeredContents) {
    AcceptUpdates u;
    u.sources = buildSourcesUpdate(channels, currentSources);
    u.transport = buildTransportUpdate(channels, conferenceName, sessionAccept.contents, offeredContents);
    u.payloadTypes =
        buildPayloadTypesUpdate(channels, conferenceName, sessionAccept.contents, offeredContents);
    return u;
}

}  // namespace jicofo::media
