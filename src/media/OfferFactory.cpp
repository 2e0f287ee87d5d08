#include "media/OfferFactory.h"

#include "protocol/jingle/JsonSources.h"

namespace jicofo::media {

using namespace protocol;
using namespace protocol::jingle;
namespace {

Transport templateTransport(const ParticipantFeatures& f) {
    Transport t;
    t.kind = f.ice ? Transport::Kind::IceUdp : Transport::Kind::RawUdp;
    if (f.dtls) {
        Fingerprint empty;
        empty.required = false;
        t.fingerprints.push_back(empty);
    }
    return t;
}

Content templateContent(const std::string& name, RtpDescription description, const ParticipantFeatures& f) {
    Content c;
    c.name = name;
    c.creator = "initiator";
    c.senders = "both";
    c.description = std::move(description);
    c.transport = templateTransport(f);
    return c;
}

RtpDescription audioDescription() {
    RtpDescription d;
    d.media = "audio";
    d.maxptime = 60;
    d.payloadTypes = {
        PayloadType::make(111, "opus", 48000, 2).param("minptime", "10").param("useinbandfec", "1"),
        PayloadType::make(103, "ISAC", 16000),
        PayloadType::make(104, "ISAC", 32000),
        PayloadType::make(0, "PCMU", 8000),
        PayloadType::make(8, "PCMA", 8000),
        PayloadType::make(106, "CN", 32000),
        PayloadType::make(105, "CN", 16000),
        PayloadType::make(13, "CN", 8000),
        PayloadType::make(126, "telephone-event", 8000),
    };
    d.hdrExts = {RtpHdrExt::make(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level")};
    return d;
}

RtpDescription videoDescription() {
    RtpDescription d;
    d.media = "video";
    d.payloadTypes = {
        PayloadType::make(100, "VP8", 90000)
            .feedback("ccm", "fir")
            .feedback("nack")
            .feedback("nack", "pli")
            .feedback("goog-remb"),
        PayloadType::make(116, "red", 90000),
        PayloadType::make(117, "ulpfec", 90000),
    };
    d.hdrExts = {RtpHdrExt::make(2, "urn:ietf:params:rtp-hdrext:toffset"),
                 RtpHdrExt::make(3, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time")};
    return d;
}

}  // namespace

std::vector<Content> OfferFactory::createTemplate(const ParticipantFeatures& f, bool openSctp) {
    std::vector<Content> out;
    if (f.audio) out.push_back(templateContent("audio", audioDescription(), f));
    if (f.video) out.push_back(templateContent("video", videoDescription(), f));
    if (f.sctp && openSctp) {
        RtpDescription data;
        data.media = "application";
        out.push_back(templateContent("data", std::move(data), f));
    }
    return out;
}

Source OfferFactory::bridgeSource(uint32_t ssrc, const std::string& content) {
    Source s = Source::make(ssrc);
    const std::string label = "mixedlabel" + content + "0";
    s.setParam("cname", "mixed");
    s.setParam("label", label);
    s.setParam("msid", "mixedmslabel " + label);
    s.setParam("mslabel", "mixedmslabel");
    s.setOwner("jvb");
    return s;
}

Transport OfferFactory::offerTransport(const Transport& bridge, bool bundle, bool data) {
    Transport t = bridge.relayCopy();
    for (auto& f : t.fingerprints) {
        f.required = false;
        f.setup.clear();
    }
    if (bundle) t.rtcpMux = true;
    if (data) t.sctpMaps = {SctpMap::webrtcDefault()};
    return t;
}

ParseResult<Jingle> OfferFactory::createOffer(const std::vector<Content>& offerTemplate,
                                              const OfferParams& p) {
    Jingle j;
    j.action = JingleAction::SessionInitiate;
    j.sid = p.sid;
    j.initiator = p.initiator;
    Group group;
    for (const Content& tmpl : offerTemplate) {
        Content c = tmpl;
        const std::string media = mediaOf(c);
        auto transport = p.transports.find(c.name);
        if (transport == p.transports.end())
            return StanzaError::of("internal-server-error", "no bridge transport for content " + c.name);
        c.transport = offerTransport(transport->second, p.bundle, media == "data");
        if (c.description && media != "data") {
            if (auto ssrc = p.bridgeSsrcs.find(c.name); ssrc != p.bridgeSsrcs.end())
                c.description->sources.push_back(bridgeSource(ssrc->second, c.name));
            const MediaSourceSet* peers = p.jsonSources ? nullptr : p.peers.find(media);
            if (peers) {
                c.description->sources.insert(c.description->sources.end(), peers->sources.begin(),
                                              peers->sources.end());
                c.description->groups = peers->groups;
            }
        }
        if (p.bundle) {
            if (c.description) c.description->rtcpMux = true;
            c.bundle = true;
            group.contents.push_back(c.name);
        }
        j.contents.push_back(std::move(c));
    }
    if (p.bundle) j.group = std::move(group);
    if (p.startMuted && (p.startMuted->audio || p.startMuted->video)) j.startMuted = p.startMuted;
    if (!p.bridgeSessionId.empty()) j.bridgeSession = BridgeSession{p.bridgeSessionId, {}, std::nullopt, {}};
    if (p.jsonSources) j.jsonMessage = JsonMessage{JsonSources::fromMediaSources(p.peers).toJson()};
    return j;
}

}  // namespace jicofo::media
