#include "bridgesim2/Bridge2Listing.h"

#include <sstream>

#include "bridgesim2/Colibri2Bridge.h"
#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/jingle/AttrReader.h"
#include "simcommon/Lookup.h"

namespace jicofo::bridgesim2 {

using protocol::jingle::AttrReader;
using protocol::jingle::boolText;

namespace {

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

template <typename T>
std::string joined(const std::vector<T>& items) {
    std::ostringstream out;
    for (size_t i = 0; i < items.size(); ++i) out << (i ? " " : "") << items[i];
    return out.str();
}

void setIf(xml::Element& e, const char* name, const std::string& value) {
    if (!value.empty()) e.setAttr(name, value);
}

ListedEndpoint listed(const SimEndpoint& ep) {
    ListedEndpoint l;
    l.id = ep.id;
    l.statsId = ep.statsId;
    l.ufrag = ep.local.ufrag;
    l.remoteUfrag = ep.remote.ufrag;
    if (!ep.remote.fingerprints.empty()) l.remoteSetup = ep.remote.fingerprints.front().setup;
    l.iceControlling = ep.iceControlling;
    l.sctp = ep.sctp;
    l.remoteCandidates = ep.remote.candidates.size();
    l.medias = ep.medias;
    l.payloadTypes = ep.payloadTypes;
    l.forceMute = ep.forceMute;
    l.updates = ep.updates;
    l.sources = ep.sources;
    return l;
}

xml::Element endpointElement(const ListedEndpoint& ep) {
    xml::Element e("endpoint", kBridgeSim2Ns);
    e.setAttr("id", ep.id);
    setIf(e, "stats-id", ep.statsId);
    e.setAttr("ice-controlling", boolText(ep.iceControlling));
    e.setAttr("sctp", boolText(ep.sctp));
    e.setAttr("ufrag", ep.ufrag);
    setIf(e, "remote-ufrag", ep.remoteUfrag);
    e.setAttr("remote-candidates", std::to_string(ep.remoteCandidates));
    setIf(e, "remote-setup", ep.remoteSetup);
    e.setAttr("media", joined(ep.medias));
    e.setAttr("payload-types", joined(ep.payloadTypes));
    e.setAttr("updates", std::to_string(ep.updates));
    if (ep.forceMute) {
        e.setAttr("force-mute-audio", boolText(ep.forceMute->audio));
        e.setAttr("force-mute-video", boolText(ep.forceMute->video));
    }
    if (ep.sources) e.addChild(ep.sources->toElement());
    return e;
}

protocol::ParseResult<ListedEndpoint> parseEndpoint(const xml::Element& e) {
    AttrReader r(e);
    ListedEndpoint ep;
    ep.id = r.str("id", true);
    ep.statsId = r.str("stats-id");
    ep.iceControlling = r.boolean("ice-controlling").value_or(false);
    ep.sctp = r.boolean("sctp").value_or(false);
    ep.ufrag = r.str("ufrag");
    ep.remoteUfrag = r.str("remote-ufrag");
    ep.remoteCandidates = r.uint("remote-candidates", UINT32_MAX).value_or(0);
    ep.remoteSetup = r.str("remote-setup");
    ep.medias = words(r.str("media"));
    for (const auto& w : words(r.str("payload-types"))) {
        auto pt = protocol::jingle::parseDecimal(w, 127);
        if (!pt) return protocol::jingle::badRequest("bad payload type '" + w + "' in endpoint " + ep.id);
        ep.payloadTypes.push_back(static_cast<int>(*pt));
    }
    ep.updates = static_cast<uint32_t>(r.uint("updates", UINT32_MAX).value_or(0));
    auto audio = r.boolean("force-mute-audio");
    auto video = r.boolean("force-mute-video");
    if (r.failed()) return r.error();
    if (audio || video)
        ep.forceMute = protocol::colibri2::ForceMute{audio.value_or(false), video.value_or(false), {}};
    if (const auto* s = e.child("sources", protocol::colibri2::ns::kColibri2)) {
        auto sources = protocol::colibri2::Sources::parse(*s);
        if (!sources) return sources.error();
        ep.sources = std::move(*sources);
    }
    return ep;
}

}  // namespace

std::vector<std::string> ListedEndpoint::sourceNames() const {
    std::vector<std::string> out;
    if (sources)
        for (const auto& m : sources->mediaSources) out.push_back(m.id);
    return out;
}

const ListedEndpoint* ListedConference::endpoint(const std::string& id) const {
    return simcommon::findBy(endpoints, &ListedEndpoint::id, id);
}

Listing Listing::of(const Colibri2Bridge& bridge) {
    Listing l;
    l.requests = bridge.requestCount();
    for (const auto& [id, c] : bridge.conferences()) {
        ListedConference& lc = l.conferences.emplace_back();
        lc.meetingId = c.meetingId;
        lc.name = c.name;
        lc.focus = c.focus;
        lc.audioSsrc = c.audioSsrc;
        lc.videoSsrc = c.videoSsrc;
        for (const auto& [epId, ep] : c.endpoints) lc.endpoints.push_back(listed(ep));
    }
    l.events.assign(bridge.events().begin(), bridge.events().end());
    return l;
}

bool Listing::isListing(const xml::Element& e) {
    return e.name() == "live" && e.ns() == kBridgeSim2Ns;
}

xml::Element Listing::toElement() const {
    xml::Element e("live", kBridgeSim2Ns);
    e.setAttr("conferences", std::to_string(conferences.size()));
    e.setAttr("endpoints", std::to_string(endpointCount()));
    e.setAttr("requests", std::to_string(requests));
    for (const auto& c : conferences) {
        auto& ce = e.addChild("conference");
        ce.setAttr("meeting-id", c.meetingId);
        setIf(ce, "name", c.name);
        ce.setAttr("focus", c.focus);
        ce.setAttr("audio-ssrc", std::to_string(c.audioSsrc));
        ce.setAttr("video-ssrc", std::to_string(c.videoSsrc));
        for (const auto& ep : c.endpoints) ce.addChild(endpointElement(ep));
    }
    for (const auto& ev : events) {
        auto& ee = e.addChild("event");
        ee.setAttr("n", std::to_string(ev.n));
        ee.setAttr("kind", ev.kind);
        ee.setAttr("meeting-id", ev.meetingId);
        ee.setAttr("endpoint", ev.endpoint);
        ee.setAttr("detail", ev.detail);
    }
    return e;
}

protocol::ParseResult<Listing> Listing::parse(const xml::Element& e) {
    if (!isListing(e)) return protocol::jingle::badRequest("not a bridgesim2 <live> listing");
    Listing l;
    l.requests = AttrReader(e).uint("requests", UINT64_MAX).value_or(0);
    for (const auto* ce : e.childrenNamed("conference", kBridgeSim2Ns)) {
        AttrReader r(*ce);
        ListedConference& c = l.conferences.emplace_back();
        c.meetingId = r.str("meeting-id", true);
        c.name = r.str("name");
        c.focus = r.str("focus");
        c.audioSsrc = static_cast<uint32_t>(r.uint("audio-ssrc", UINT32_MAX).value_or(0));
        c.videoSsrc = static_cast<uint32_t>(r.uint("video-ssrc", UINT32_MAX).value_or(0));
        if (r.failed()) return r.error();
        for (const auto* ee : ce->childrenNamed("endpoint", kBridgeSim2Ns)) {
            auto ep = parseEndpoint(*ee);
            if (!ep) return ep.error();
            c.endpoints.push_back(std::move(*ep));
        }
    }
    for (const auto* ee : e.childrenNamed("event", kBridgeSim2Ns)) {
        AttrReader r(*ee);
        SimEvent ev;
        ev.n = r.uint("n", UINT64_MAX).value_or(0);
        ev.kind = r.str("kind", true);
        ev.meetingId = r.str("meeting-id");
        ev.endpoint = r.str("endpoint");
        ev.detail = r.str("detail");
        if (r.failed()) return r.error();
        l.events.push_back(std::move(ev));
    }
    return l;
}

size_t Listing::endpointCount() const {
    return simcommon::sizeSum(conferences, &ListedConference::endpoints);
}

const ListedConference* Listing::byMeetingId(const std::string& id) const {
    return simcommon::findBy(conferences, &ListedConference::meetingId, id);
}

const ListedConference* Listing::byName(const std::string& name) const {
    return simcommon::findBy(conferences, &ListedConference::name, name);
}

std::vector<SimEvent> Listing::eventsOf(const std::string& kind, const std::string& endpoint) const {
    std::vector<SimEvent> out;
    for (const auto& ev : events)
        if (ev.kind == kind && (endpoint.empty() || ev.endpoint == endpoint)) out.push_back(ev);
    return out;
}

}  // namespace jicofo::bridgesim2
