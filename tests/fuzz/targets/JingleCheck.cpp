// Jingle (XEP-0166 with Jitsi's extensions): the whole <jingle> and, wherever they appear in the input, each
// element type it is made of. Then what the focus does with a received Jingle: the sources go through the
// SourceMap (stored and relayed with the sender as the only owner, removable again), and the Colibri updates
// of a session-accept and the offer to a peer carrying these sources are readable.
#include "media/SourceMap.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/jingle/JingleNamespaces.h"
#include "protocol/jingle/JsonSources.h"
#include "targets/Checks.h"
#include "targets/MediaChecks.h"
#include "targets/RoundTrip.h"

namespace jicofo::fuzz {
namespace {

namespace jingle = protocol::jingle;
namespace ns = jingle::ns;

const char* const kOwner = "r1@conference.example.com/aa11";

template <typename T>
std::string roundTrip(const xml::Element& e, const char* what) {
    return typedRoundTrip(e, what, &T::parse, [](const T& v) { return v.toElement(); });
}

// The compact JSON sources of a json-message: what parses is written back in a form that parses to the same
// text again (toJson of parse is a fixed point).
std::string jsonSourcesRoundTrip(const xml::Element& e) {
    auto m = jingle::JsonMessage::parse(e);
    if (!m) return {};
    auto first = jingle::JsonSources::parse(m->text);
    if (!first) return {};
    std::string text = first->toJson();
    auto second = jingle::JsonSources::parse(text);
    if (!second)
        return "json-message: its own JSON does not parse: " + errorText(second.error()) + " in " + text;
    if (second->toJson() != text) return "json-message: JSON changed on a round trip: " + text;
    return {};
}

// The element types that have a parser of their own, checked wherever the fuzzer puts them.
std::string checkPart(const xml::Element& e) {
    const std::string& n = e.name();
    const std::string& s = e.ns();
    if (n == "content" && s == ns::kJingle) return roundTrip<jingle::Content>(e, "content");
    if (jingle::RtpDescription::isDescription(e)) return roundTrip<jingle::RtpDescription>(e, "description");
    if (jingle::Transport::isTransport(e)) return roundTrip<jingle::Transport>(e, "transport");
    if (n == "candidate" && (s == ns::kIceUdp || s == ns::kRawUdp)) {
        bool ice = s == ns::kIceUdp;
        return typedRoundTrip(
            e, "candidate", [ice](const xml::Element& x) { return jingle::Candidate::parse(x, ice); },
            [&s](const jingle::Candidate& c) { return c.toElement(s); });
    }
    if (n == "fingerprint" && s == ns::kDtls) return roundTrip<jingle::Fingerprint>(e, "fingerprint");
    if (n == "sctpmap" && s == ns::kSctp) return roundTrip<jingle::SctpMap>(e, "sctpmap");
    if (n == "payload-type")
        return typedRoundTrip(e, "payload-type", &jingle::PayloadType::parse,
                              [&s](const jingle::PayloadType& p) { return p.toElement(s); });
    if (n == "rtcp-fb" && s == ns::kRtcpFb) return roundTrip<jingle::RtcpFb>(e, "rtcp-fb");
    if (n == "rtp-hdrext" && s == ns::kRtpHdrExt) return roundTrip<jingle::RtpHdrExt>(e, "rtp-hdrext");
    if (n == "parameter")
        return typedRoundTrip(e, "parameter", &jingle::Parameter::parse,
                              [&s](const jingle::Parameter& p) { return p.toElement(s); });
    if (n == "source" && s == ns::kSsma) return roundTrip<jingle::Source>(e, "source");
    if (n == "ssrc-group" && s == ns::kSsma) return roundTrip<jingle::SourceGroup>(e, "ssrc-group");
    if (n == "ssrc-info" && s == ns::kJitMeet) return roundTrip<jingle::SsrcInfo>(e, "ssrc-info");
    if (jingle::Group::isGroup(e)) return roundTrip<jingle::Group>(e, "group");
    if (n == "reason" && s == ns::kJingle) return roundTrip<jingle::Reason>(e, "reason");
    if (jingle::StartMuted::isStartMuted(e)) return roundTrip<jingle::StartMuted>(e, "startmuted");
    if (jingle::BridgeSession::isBridgeSession(e))
        return roundTrip<jingle::BridgeSession>(e, "bridge-session");
    if (jingle::IceState::isIceState(e)) return roundTrip<jingle::IceState>(e, "ice-state");
    if (jingle::JsonMessage::isJsonMessage(e)) {
        if (auto f = roundTrip<jingle::JsonMessage>(e, "json-message"); !f.empty()) return f;
        return jsonSourcesRoundTrip(e);
    }
    return {};
}

// Every ssrc-info in what the focus relays names the sender: a participant cannot speak for another. (One
// in another namespace is an unknown child that clients do not read as an owner; it is relayed as it came.)
std::string ownersAreTheSender(const xml::Element& relayed, const std::string& owner) {
    std::string out;
    forEachElement(relayed, [&](const xml::Element& x) {
        if (x.name() == "ssrc-info" && x.ns() == ns::kJitMeet && x.attr("owner") != owner)
            keepFirst(out, "relayed ssrc-info names owner '" + x.attr("owner") + "' instead of the sender '" +
                               owner + "'\n  " + relayed.toString());
    });
    return out;
}

std::string checkSources(const jingle::Jingle& j) {
    const std::vector<std::string> offered = {"audio", "video", "data"};
    auto claim = jingle::MediaSources::fromContents(j.contents, offered);
    media::SourceMap map(media::SourceMap::Limits{}, true);
    auto added = map.add(kOwner, claim);
    if (!added) return {};  // refused claim: nothing stored
    std::string out;
    auto relay = added->toJingle(jingle::JingleAction::SourceAdd, "s1");
    keepFirst(out, builtJingle(relay, "relayed source-add"));
    keepFirst(out, ownersAreTheSender(relay.toElement(), kOwner));
    // A peer's offer carries these sources; the sender's own Colibri updates carry its full set.
    keepFirst(out, checkOfferAndRequests(bundledChannels(), map.allExcept("someone else")));
    keepFirst(out, checkAcceptUpdates(bundledChannels(), j, map.sourcesOf(kOwner)));
    keepFirst(out, checkAcceptUpdates(separateChannels(), j, map.sourcesOf(kOwner)));
    // Removing what was claimed leaves nothing behind (no dangling group).
    map.remove(kOwner, claim);
    auto left = map.sourcesOf(kOwner);
    if (left.sourceCount() != 0 || left.groupCount() != 0)
        keepFirst(out, "removing the claimed sources left " + std::to_string(left.sourceCount()) +
                           " sources and " + std::to_string(left.groupCount()) + " groups");
    return out;
}

}  // namespace

std::string checkJingle(const uint8_t* data, size_t size) {
    auto root = elementOf(data, size);
    if (!root) return {};
    const xml::Element& e = payloadOf(*root);
    auto j = jingle::Jingle::parse(e);
    if (j) {
        // Every part of it went through its own parser and serialiser on the way.
        std::string out = roundTrip<jingle::Jingle>(e, "jingle");
        keepFirst(out, checkSources(*j));
        return out;
    }
    // Not a Jingle, or a refused one: the parts that have parsers of their own, wherever they are.
    std::string out;
    forEachElement(e, [&](const xml::Element& x) { keepFirst(out, checkPart(x)); });
    return out;
}

}  // namespace jicofo::fuzz
