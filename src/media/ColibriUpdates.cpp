// The updates of ColibriUpdates.h (docs/media.md §2.4 a–d).
#include "media/ColibriUpdates.h"

#include <algorithm>

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

namespace {

void mergeChannel(Channel& into, const Channel& from) {
    if (into.endpoint.empty()) into.endpoint = from.endpoint;
    if (!into.initiator) into.initiator = from.initiator;
    if (into.payloadTypes.empty()) into.payloadTypes = from.payloadTypes;
    if (into.sources.empty()) into.sources = from.sources;
    if (into.groups.empty()) into.groups = from.groups;
    if (!into.transport) into.transport = from.transport;
}

void mergeSctp(SctpConnection& into, const SctpConnection& from) {
    if (into.endpoint.empty()) into.endpoint = from.endpoint;
    if (!into.initiator) into.initiator = from.initiator;
    if (!into.transport) into.transport = from.transport;
}

// Folds `item` into the element of `into` with its id, or appends it.
template <typename T, typename Merge>
void mergeById(std::vector<T>& into, const T& item, Merge merge) {
    auto it = std::find_if(into.begin(), into.end(), [&](const T& x) { return x.id == item.id; });
    if (it == into.end())
        into.push_back(item);
    else
        merge(*it, item);
}

}  // namespace

void mergeUpdate(ColibriConference& into, const ColibriConference& from) {
    if (into.name.empty()) into.name = from.name;
    for (const auto& fc : from.contents) {
        ColibriContent& content = into.getOrAddContent(fc.name);
        for (const auto& ch : fc.channels) mergeById(content.channels, ch, mergeChannel);
        for (const auto& sc : fc.sctpConnections) mergeById(content.sctpConnections, sc, mergeSctp);
    }
    for (const auto& b : from.channelBundles)
        mergeById(into.channelBundles, b, [](ChannelBundle& x, const ChannelBundle& y) {
            if (!x.transport) x.transport = y.transport;
        });
}

ColibriConference AcceptUpdates::merged() const {
    ColibriConference all = sources;
    if (transport) mergeUpdate(all, *transport);
    if (payloadTypes) mergeUpdate(all, *payloadTypes);
    return all;
}

}  // namespace jicofo::media
