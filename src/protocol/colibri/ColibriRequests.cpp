#include "protocol/colibri/ColibriRequests.h"

namespace jicofo::protocol::colibri {

ColibriConference buildAllocate(const std::vector<jingle::Content>& offerTemplate, const AllocateOptions& o) {
    ColibriConference conf;
    conf.id = o.conferenceId;
    conf.name = o.conferenceName;
    for (const auto& tmpl : offerTemplate) {
        const std::string media = jingle::mediaOf(tmpl);
        ColibriContent& content = conf.getOrAddContent(media);
        std::optional<jingle::Transport> transport;
        if (!o.bundle && tmpl.transport) transport = tmpl.transport;
        const std::string bundleId = o.bundle ? o.endpoint : std::string();
        if (media == "data") {
            SctpConnection s;
            s.endpoint = o.endpoint;
            s.initiator = true;
            s.channelBundleId = bundleId;
            s.transport = transport;
            content.sctpConnections.push_back(std::move(s));
            continue;
        }
        Channel ch;
        ch.endpoint = o.endpoint;
        ch.initiator = true;
        ch.channelBundleId = bundleId;
        ch.lastN = o.lastN;
        ch.adaptiveLastN = o.adaptiveLastN;
        ch.simulcastMode = o.simulcastMode;
        if (tmpl.description) {
            ch.payloadTypes = tmpl.description->payloadTypes;
            ch.hdrExts = tmpl.description->hdrExts;
        }
        ch.transport = transport;
        content.channels.push_back(std::move(ch));
    }
    if (o.bundle) {
        ChannelBundle b;
        b.id = o.endpoint;
        for (const auto& tmpl : offerTemplate) {
            if (tmpl.transport) {
                b.transport = tmpl.transport;
                break;
            }
        }
        conf.channelBundles.push_back(std::move(b));
    }
    return conf;
}

std::optional<ColibriConference> buildAudioMute(const ParticipantChannels& channels,
                                                const std::string& conferenceName, bool mute) {
    const ColibriContent* audio = channels.content("audio");
    if (!audio || audio->channels.empty()) return std::nullopt;
    ColibriConference conf;
    conf.id = channels.conferenceId;
    conf.name = conferenceName;
    ColibriContent& content = conf.getOrAddContent("audio");
    for (const auto& c : audio->channels) {
        Channel ch;
        ch.id = c.id;
        if (mute) ch.direction = "sendonly";
        content.channels.push_back(std::move(ch));
    }
    return conf;
}

std::optional<ColibriConference> buildExpire(const std::string& conferenceId,
                                             const std::string& conferenceName,
                                             const std::vector<ParticipantChannels>& participants) {
    ColibriConference conf;
    conf.id = conferenceId;
    conf.name = conferenceName;
    bool any = false;
    for (const auto& p : participants) {
        for (const auto& c : p.contents) {
            ColibriContent& content = conf.getOrAddContent(c.name);
            for (const auto& ch : c.channels) {
                Channel e;
                e.id = ch.id;
                e.expire = 0;
                content.channels.push_back(std::move(e));
                any = true;
            }
            for (const auto& s : c.sctpConnections) {
                SctpConnection e;
                e.id = s.id;
                e.endpoint = s.endpoint;
                e.expire = 0;
                e.port = 5000;
                content.sctpConnections.push_back(std::move(e));
                any = true;
            }
        }
    }
    if (!any) return std::nullopt;
    return conf;
}

}  // namespace jicofo::protocol::colibri
