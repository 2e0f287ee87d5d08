#include "protocol/colibri2/Colibri2Requests.h"

#include <algorithm>

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri2 {

namespace {

bool isRtpMedia(const std::string& media) {
    return media == "audio" || media == "video";
}

Media colibriMedia(const jingle::Content& content) {
    const jingle::RtpDescription& d = *content.description;
    Media m;
    m.type = d.media;
    m.payloadTypes = d.payloadTypes;
    m.hdrExts = d.hdrExts;
    m.extmapAllowMixed =
        std::any_of(d.extraChildren.begin(), d.extraChildren.end(), [](const xml::Element& e) {
            return e.name() == "extmap-allow-mixed" && e.ns() == jingle::ns::kRtpHdrExt;
        });
    return m;
}

bool offersData(const std::vector<jingle::Content>& offer) {
    return std::any_of(offer.begin(), offer.end(),
                       [](const jingle::Content& c) { return jingle::mediaOf(c) == "data"; });
}

// The media-source a source belongs to: its name, or EPID-a0 / EPID-v0.
std::string sourceId(const std::string& endpoint, const std::string& media, const jingle::Source& s) {
    std::string name = sourceName(s);
    if (!name.empty()) return name;
    return endpoint + (media == "audio" ? "-a0" : "-v0");
}

MediaSource& mediaSourceFor(Sources& out, const std::string& media, const std::string& id) {
    for (auto& m : out.mediaSources)
        if (m.id == id && m.type == media) return m;
    MediaSource& m = out.mediaSources.emplace_back();
    m.type = media;
    m.id = id;
    return m;
}

}  // namespace

Sources toColibriSources(const std::string& endpoint, const jingle::MediaSources& sources) {
    Sources out;
    for (const auto& set : sources.entries) {
        if (!isRtpMedia(set.media)) continue;
        for (const auto& s : set.sources) {
            if (!s.ssrc) continue;
            MediaSource& m = mediaSourceFor(out, set.media, sourceId(endpoint, set.media, s));
            jingle::Source copy = jingle::Source::make(*s.ssrc);
            setSourceName(copy, m.id);
            m.sources.push_back(std::move(copy));
        }
        for (const auto& g : set.groups) {
            if (g.ssrcs.empty()) continue;
            for (auto& m : out.mediaSources) {
                auto owns = m.ssrcs();
                if (m.type == set.media &&
                    std::find(owns.begin(), owns.end(), g.ssrcs.front()) != owns.end()) {
                    m.groups.push_back({g.semantics, g.ssrcs, {}});
                    break;
                }
            }
        }
    }
    return out;
}

ConferenceModify buildCreateEndpoint(const std::vector<jingle::Content>& offer,
                                     const jingle::MediaSources& sources, const EndpointOptions& o) {
    ConferenceModify req;
    req.meetingId = o.meetingId;
    if (o.createConference) {
        req.create = true;
        req.name = o.conferenceName;
    }
    Endpoint& ep = req.addEndpoint(o.endpoint);
    ep.create = true;
    ep.statsId = o.statsId;
    for (const auto& c : offer)
        if (c.description && isRtpMedia(c.description->media)) ep.medias.push_back(colibriMedia(c));
    ep.transport = Colibri2Transport{};
    ep.transport->iceControlling = true;
    if (offersData(offer)) ep.transport->sctp = Sctp{};
    Sources s = toColibriSources(o.endpoint, sources);
    if (!s.mediaSources.empty()) ep.sources = std::move(s);
    ep.capabilities.push_back({kCapSourceNames, {}});
    ep.forceMute = o.forceMute;
    return req;
}

ConferenceModify buildEndpointUpdate(const std::string& meetingId, const std::string& endpoint,
                                     const jingle::Transport* transport,
                                     const jingle::MediaSources* sources) {
    ConferenceModify req;
    req.meetingId = meetingId;
    Endpoint& ep = req.addEndpoint(endpoint);
    if (transport) {
        ep.transport = Colibri2Transport{};
        ep.transport->ice = transport->relayCopy();
    }
    if (sources) ep.sources = toColibriSources(endpoint, *sources);
    return req;
}

ConferenceModify buildEndpointExpire(const std::string& meetingId, const std::string& endpoint) {
    ConferenceModify req;
    req.meetingId = meetingId;
    req.addEndpoint(endpoint).expire = true;
    return req;
}

ConferenceModify buildForceMute(const std::string& meetingId, const std::string& endpoint, ForceMute mute) {
    ConferenceModify req;
    req.meetingId = meetingId;
    req.addEndpoint(endpoint).forceMute = std::move(mute);
    return req;
}

ConferenceModify buildConferenceExpire(const std::string& meetingId) {
    ConferenceModify req;
    req.meetingId = meetingId;
    req.expire = true;
    return req;
}

ParseResult<Allocation> readAllocation(const ConferenceModified& answer, const std::string& endpoint) {
    const Endpoint* ep = answer.endpoint(endpoint);
    if (!ep) return jingle::badRequest("the bridge's answer has no endpoint '" + endpoint + "'");
    if (!ep->transport || !ep->transport->ice)
        return jingle::badRequest("the bridge's answer for '" + endpoint + "' has no ICE transport");
    Allocation a;
    a.transport = *ep->transport->ice;
    a.webSockets = ep->transport->webSockets();
    if (ep->transport->sctp) a.sctpPort = ep->transport->sctp->port.value_or(5000);
    if (answer.sources)
        for (const auto& m : answer.sources->mediaSources)
            if (isRtpMedia(m.type) && !m.sources.empty() && m.sources.front().ssrc &&
                !a.feedbackSsrcs.count(m.type))
                a.feedbackSsrcs[m.type] = *m.sources.front().ssrc;
    return a;
}

}  // namespace jicofo::protocol::colibri2
