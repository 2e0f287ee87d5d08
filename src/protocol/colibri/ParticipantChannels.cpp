#include "protocol/colibri/ParticipantChannels.h"

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::colibri {
namespace {

template <typename T>
std::vector<T> ofEndpoint(const std::vector<T>& all, const std::string& endpoint) {
    std::vector<T> out;
    for (const auto& c : all)
        if (c.endpoint.empty() || c.endpoint == endpoint) out.push_back(c);
    return out;
}

}  // namespace

ParseResult<ParticipantChannels> ParticipantChannels::fromAllocateResponse(const ColibriConference& response,
                                                                           const std::string& endpoint) {
    if (response.id.empty()) return jingle::badRequest("allocate response without a conference id");
    ParticipantChannels pc;
    pc.conferenceId = response.id;
    pc.endpoint = endpoint;
    std::string bundleId;
    for (const auto& content : response.contents) {
        ColibriContent mine;
        mine.name = content.name;
        mine.channels = ofEndpoint(content.channels, endpoint);
        mine.sctpConnections = ofEndpoint(content.sctpConnections, endpoint);
        for (const auto& c : mine.channels) {
            if (c.id.empty()) return jingle::badRequest("allocated channel without id in " + content.name);
            if (bundleId.empty()) bundleId = c.channelBundleId;
        }
        for (const auto& s : mine.sctpConnections) {
            if (s.id.empty()) return jingle::badRequest("allocated sctpconnection without id");
            if (bundleId.empty()) bundleId = s.channelBundleId;
        }
        if (!mine.channels.empty() || !mine.sctpConnections.empty()) pc.contents.push_back(std::move(mine));
    }
    if (pc.contents.empty()) return jingle::badRequest("allocate response without channels for " + endpoint);
    if (!bundleId.empty()) {
        const ChannelBundle* b = response.channelBundle(bundleId);
        if (!b || !b->transport)
            return jingle::badRequest("allocate response lacks channel-bundle " + bundleId);
        pc.bundle = *b;
    }
    return pc;
}

std::map<std::string, jingle::Transport> ParticipantChannels::offerTransports() const {
    std::map<std::string, jingle::Transport> out;
    for (const auto& content : contents) {
        if (bundle) {
            out.emplace(content.name, *bundle->transport);
        } else if (const Channel* ch = channel(content.name); ch && ch->transport) {
            out.emplace(content.name, *ch->transport);
        } else if (const SctpConnection* s = sctpConnection(content.name); s && s->transport) {
            out.emplace(content.name, *s->transport);
        }
    }
    return out;
}

std::map<std::string, uint32_t> ParticipantChannels::bridgeSsrcs() const {
    std::map<std::string, uint32_t> out;
    for (const auto& content : contents) {
        const Channel* ch = channel(content.name);
        if (ch && !ch->sources.empty() && ch->sources.front().ssrc)
            out.emplace(content.name, *ch->sources.front().ssrc);
    }
    return out;
}

const ColibriContent* ParticipantChannels::content(const std::string& name) const {
    for (const auto& c : contents)
        if (c.name == name) return &c;
    return nullptr;
}

const Channel* ParticipantChannels::channel(const std::string& contentName) const {
    const ColibriContent* c = content(contentName);
    return c && !c->channels.empty() ? &c->channels.front() : nullptr;
}

const SctpConnection* ParticipantChannels::sctpConnection(const std::string& contentName) const {
    const ColibriContent* c = content(contentName);
    return c && !c->sctpConnections.empty() ? &c->sctpConnections.front() : nullptr;
}

}  // namespace jicofo::protocol::colibri
