#include "targets/MediaChecks.h"

#include <cstdlib>

#include "media/ColibriUpdates.h"
#include "media/OfferFactory.h"
#include "protocol/colibri/ColibriRequests.h"
#include "targets/RoundTrip.h"
#include "xml/Document.h"

namespace jicofo::fuzz {
namespace {

namespace colibri = protocol::colibri;
namespace jingle = protocol::jingle;

constexpr const char* kBundled = R"(<conference xmlns='http://jitsi.org/protocol/colibri' id='5a1f' name='r1'>
<content name='audio'><channel endpoint='aa11' expire='60' id='3e9b' initiator='true' channel-bundle-id='aa11'>
<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='3015264817'/></channel></content>
<content name='video'><channel endpoint='aa11' expire='60' id='0b44' initiator='true' channel-bundle-id='aa11'>
<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='2417834529'/><ssrc>1964250371</ssrc></channel></content>
<content name='data'><sctpconnection endpoint='aa11' expire='60' id='71c0' initiator='true'
channel-bundle-id='aa11' port='5000'/></content>
<channel-bundle id='aa11'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' pwd='4q1p' ufrag='b4mc'>
<rtcp-mux/><fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-1'>8F:2A:5D</fingerprint>
<candidate component='1' foundation='1' generation='0' id='6c0d' ip='198.51.100.7' network='0' port='10000'
priority='2130706431' protocol='udp' type='host'/></transport></channel-bundle></conference>)";

constexpr const char* kSeparate =
    R"(<conference xmlns='http://jitsi.org/protocol/colibri' id='5a1f' name='r1'>
<content name='audio'><channel endpoint='cc33' expire='60' id='a1b2' initiator='true'>
<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='3015264817'/>
<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' pwd='1a2b' ufrag='5n6o'>
<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-1'>8F:2A:5D</fingerprint>
<candidate component='1' foundation='1' generation='0' id='11' ip='198.51.100.7' network='0' port='10002'
priority='2130706431' protocol='udp' type='host'/></transport></channel></content>
<content name='video'><channel endpoint='cc33' expire='60' id='b2c3' initiator='true'>
<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='2417834529'/>
<transport xmlns='urn:xmpp:jingle:transports:raw-udp:1'>
<candidate component='1' generation='0' id='21' ip='198.51.100.7' port='10004'/></transport></channel></content>
<content name='data'><sctpconnection endpoint='cc33' expire='60' id='c3d4' initiator='true' port='5000'>
<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' pwd='3c4d' ufrag='7p8q'/></sctpconnection></content>
</conference>)";

colibri::ParticipantChannels channelsFrom(const char* text, const char* endpoint) {
    auto e = xml::parseElement(text);
    if (!e) std::abort();  // the fixture itself is wrong: no check would mean anything
    auto conf = colibri::ColibriConference::parse(*e);
    if (!conf) std::abort();
    auto channels = colibri::ParticipantChannels::fromAllocateResponse(*conf, endpoint);
    if (!channels) std::abort();
    return *channels;
}

}  // namespace

const colibri::ParticipantChannels& bundledChannels() {
    static const auto c = channelsFrom(kBundled, "aa11");
    return c;
}

const colibri::ParticipantChannels& separateChannels() {
    static const auto c = channelsFrom(kSeparate, "cc33");
    return c;
}

std::string builtJingle(const jingle::Jingle& j, const std::string& what) {
    return builtRoundTrip(j.toElement(), what, &jingle::Jingle::parse,
                          [](const jingle::Jingle& v) { return v.toElement(); });
}

std::string builtColibri(const colibri::ColibriConference& c, const std::string& what) {
    return builtRoundTrip(c.toElement(), what, &colibri::ColibriConference::parse,
                          [](const colibri::ColibriConference& v) { return v.toElement(); });
}

std::string checkOfferAndRequests(const colibri::ParticipantChannels& channels,
                                  const jingle::MediaSources& peers) {
    std::string out;
    media::ParticipantFeatures features;
    features.bundle = channels.bundle.has_value();
    auto tmpl = media::OfferFactory::createTemplate(features, true);
    media::OfferFactory::OfferParams p;
    p.sid = "s1";
    p.initiator = "focus@auth.example.com/focus";
    p.bundle = features.useBundle();
    p.transports = channels.offerTransports();
    p.bridgeSsrcs = channels.bridgeSsrcs();
    p.peers = peers;
    p.startMuted = jingle::StartMuted{true, false};
    // No offer when a content has no bridge transport (a non-bundled channel without one): documented.
    if (auto offer = media::OfferFactory::createOffer(tmpl, p)) keepFirst(out, builtJingle(*offer, "offer"));
    colibri::AllocateOptions options;
    options.conferenceId = channels.conferenceId;
    options.conferenceName = "r1";
    options.endpoint = channels.endpoint;
    options.bundle = p.bundle;
    keepFirst(out, builtColibri(colibri::buildAllocate(tmpl, options), "allocate"));
    keepFirst(out, builtColibri(media::buildSourcesUpdate(channels, peers), "sources update"));
    if (auto mute = colibri::buildAudioMute(channels, "r1", true))
        keepFirst(out, builtColibri(*mute, "mute"));
    if (auto expire = colibri::buildExpire(channels.conferenceId, "r1", {channels}))
        keepFirst(out, builtColibri(*expire, "expire"));
    return out;
}

std::string checkAcceptUpdates(const colibri::ParticipantChannels& channels, const jingle::Jingle& accept,
                               const jingle::MediaSources& current) {
    std::string out;
    const std::vector<std::string> offered = {"audio", "video", "data"};
    auto updates = media::buildAcceptUpdates(channels, "r1", accept, current, offered);
    keepFirst(out, builtColibri(updates.sources, "accept: sources update"));
    if (updates.transport) keepFirst(out, builtColibri(*updates.transport, "accept: transport update"));
    if (updates.payloadTypes)
        keepFirst(out, builtColibri(*updates.payloadTypes, "accept: payload-type update"));
    return out;
}

}  // namespace jicofo::fuzz
