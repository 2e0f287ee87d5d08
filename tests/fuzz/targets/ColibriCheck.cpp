// Colibri v1: the <conference> of allocate responses and of every focus→bridge request, its parts wherever
// they appear, and <stats> (PubSub items, the focus's own answer). From a conference that reads as an
// allocation, the focus builds an offer and every Colibri request; all of them must read back.
#include <set>

#include "protocol/colibri/ColibriConference.h"
#include "protocol/colibri/Stats.h"
#include "protocol/jingle/JingleNamespaces.h"
#include "targets/Checks.h"
#include "targets/MediaChecks.h"
#include "targets/RoundTrip.h"
#include "xml/Document.h"

namespace jicofo::fuzz {
namespace {

namespace colibri = protocol::colibri;
namespace jingle = protocol::jingle;

template <typename T>
std::string roundTrip(const xml::Element& e, const char* what) {
    return typedRoundTrip(e, what, &T::parse, [](const T& v) { return v.toElement(); });
}

std::string checkPart(const xml::Element& e) {
    if (e.ns() != jingle::ns::kColibri) return {};
    const std::string& n = e.name();
    if (n == "content") return roundTrip<colibri::ColibriContent>(e, "colibri content");
    if (n == "channel") return roundTrip<colibri::Channel>(e, "channel");
    if (n == "sctpconnection") return roundTrip<colibri::SctpConnection>(e, "sctpconnection");
    if (n == "channel-bundle") return roundTrip<colibri::ChannelBundle>(e, "channel-bundle");
    if (n == "recording") return roundTrip<colibri::Recording>(e, "recording");
    if (n == "stats") return roundTrip<colibri::Stats>(e, "stats");
    return {};
}

// A small session-accept of a bundled 2015 client, for the updates built from a fuzzed allocation.
const jingle::Jingle& sessionAccept() {
    static const jingle::Jingle j = [] {
        auto e = xml::parseElement(R"(<jingle xmlns='urn:xmpp:jingle:1' action='session-accept' sid='s1'>
<content creator='responder' name='audio'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>
<payload-type id='111' name='opus' clockrate='48000' channels='2'/>
<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='1081930371'><parameter name='cname' value='k'/></source>
</description><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='Zq4k' pwd='p9Xr'>
<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='active'>4A:1B</fingerprint>
</transport></content></jingle>)");
        if (!e) std::abort();
        auto parsed = jingle::Jingle::parse(*e);
        if (!parsed) std::abort();
        return *parsed;
    }();
    return j;
}

std::string checkAllocation(const colibri::ColibriConference& conf) {
    // The focus asks for the participant's MUC nickname, never an empty one; "nick" takes the channels that
    // name no endpoint.
    std::set<std::string> endpoints = {"nick"};
    for (const auto& content : conf.contents) {
        for (const auto& ch : content.channels)
            if (!ch.endpoint.empty()) endpoints.insert(ch.endpoint);
        for (const auto& s : content.sctpConnections)
            if (!s.endpoint.empty()) endpoints.insert(s.endpoint);
    }
    std::string out;
    size_t tried = 0;
    for (const auto& endpoint : endpoints) {
        if (++tried > 3) break;  // each builds a whole offer: a few endpoints say as much as many
        auto channels = colibri::ParticipantChannels::fromAllocateResponse(conf, endpoint);
        if (!channels) continue;
        auto accept = sessionAccept();
        auto sources = jingle::MediaSources::fromContents(accept.contents);
        keepFirst(out, checkOfferAndRequests(*channels, sources));
        keepFirst(out, checkAcceptUpdates(*channels, accept, sources));
    }
    return out;
}

}  // namespace

std::string checkColibri(const uint8_t* data, size_t size) {
    auto root = elementOf(data, size);
    if (!root) return {};
    const xml::Element& e = payloadOf(*root);
    if (auto conf = colibri::ColibriConference::parse(e)) {
        std::string out = roundTrip<colibri::ColibriConference>(e, "colibri conference");
        keepFirst(out, checkAllocation(*conf));
        return out;
    }
    // Not a conference (stats, say) or a refused one: the parts with parsers of their own, wherever they are.
    std::string out;
    forEachElement(e, [&](const xml::Element& x) { keepFirst(out, checkPart(x)); });
    return out;
}

}  // namespace jicofo::fuzz
