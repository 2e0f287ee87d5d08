#include "bridgesim/LiveListing.h"

#include <sstream>

#include "protocol/jingle/AttrReader.h"
#include "simcommon/Lookup.h"

namespace jicofo::bridgesim {

using protocol::jingle::AttrReader;
using protocol::jingle::badRequest;

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

template <typename T>
bool readNumbers(const std::string& text, uint64_t max, std::vector<T>& out) {
    for (const auto& w : words(text)) {
        auto v = protocol::jingle::parseDecimal(w, max);
        if (!v) return false;
        out.push_back(static_cast<T>(*v));
    }
    return true;
}

void setIf(xml::Element& e, const char* name, const std::string& value) {
    if (!value.empty()) e.setAttr(name, value);
}

protocol::ParseResult<LiveChannel> parseChannel(const xml::Element& e) {
    AttrReader r(e);
    LiveChannel c;
    c.sctp = e.name() == "sctpconnection";
    c.id = r.str("id", true);
    c.content = r.str("content");
    c.endpoint = r.str("endpoint");
    c.bundleId = r.str("channel-bundle-id");
    c.direction = r.str("direction");
    c.expire = static_cast<uint32_t>(r.uint("expire", UINT32_MAX).value_or(0));
    c.bridgeSsrc = static_cast<uint32_t>(r.uint("bridge-ssrc", UINT32_MAX).value_or(0));
    c.port = static_cast<uint16_t>(r.uint("port", 65535).value_or(0));
    auto lastN = r.sint("last-n", -1, INT32_MAX);
    if (lastN) c.lastN = static_cast<int32_t>(*lastN);
    c.remoteCandidates = r.uint("remote-candidates", UINT32_MAX).value_or(0);
    c.media = r.boolean("media").value_or(false);
    c.groups = words(r.str("groups"));
    if (r.failed()) return r.error();
    if (!readNumbers(e.attr("ssrcs"), UINT32_MAX, c.ssrcs) ||
        !readNumbers(e.attr("simulcast-layers"), UINT32_MAX, c.simulcastLayers) ||
        !readNumbers(e.attr("payload-types"), 127, c.payloadTypes))
        return badRequest("bad number list in channel " + c.id);
    return c;
}

}  // namespace

std::vector<const LiveChannel*> LiveConference::channelsOf(const std::string& endpoint) const {
    std::vector<const LiveChannel*> out;
    for (const auto& c : channels)
        if (c.endpoint == endpoint) out.push_back(&c);
    return out;
}

size_t LiveListing::channelCount() const {
    return simcommon::sizeSum(conferences, &LiveConference::channels);
}

const LiveConference* LiveListing::byId(const std::string& id) const {
    return simcommon::findBy(conferences, &LiveConference::id, id);
}

const LiveConference* LiveListing::byName(const std::string& name) const {
    return simcommon::findBy(conferences, &LiveConference::name, name);
}

const LiveChannel* LiveListing::channel(const std::string& id) const {
    for (const auto& conf : conferences)
        for (const auto& c : conf.channels)
            if (c.id == id) return &c;
    return nullptr;
}

bool LiveListing::isListing(const xml::Element& e) {
    return e.name() == "live" && e.ns() == kBridgeSimNs;
}

protocol::ParseResult<LiveListing> LiveListing::parse(const xml::Element& e) {
    if (!isListing(e)) return badRequest("not a bridgesim <live> listing");
    LiveListing listing;
    for (const auto* ce : e.childrenNamed("conference", kBridgeSimNs)) {
        LiveConference& conf = listing.conferences.emplace_back();
        conf.id = ce->attr("id");
        conf.name = ce->attr("name");
        conf.focus = ce->attr("focus");
        for (const auto& child : ce->children()) {
            if (child.name() == "channel" || child.name() == "sctpconnection") {
                auto c = parseChannel(child);
                if (!c) return c.error();
                conf.channels.push_back(std::move(*c));
            } else if (child.name() == "channel-bundle") {
                AttrReader r(child);
                LiveBundle& b = conf.bundles.emplace_back();
                b.id = r.str("id", true);
                b.ufrag = r.str("ufrag");
                b.remoteUfrag = r.str("remote-ufrag");
                b.remoteCandidates = r.uint("remote-candidates", UINT32_MAX).value_or(0);
                if (r.failed()) return r.error();
            }
        }
    }
    return listing;
}

xml::Element LiveListing::toElement() const {
    xml::Element e("live", kBridgeSimNs);
    e.setAttr("conferences", std::to_string(conferences.size()));
    e.setAttr("channels", std::to_string(channelCount()));
    for (const auto& conf : conferences) {
        auto& ce = e.addChild("conference");
        ce.setAttr("id", conf.id);
        setIf(ce, "name", conf.name);
        ce.setAttr("focus", conf.focus);
        for (const auto& c : conf.channels) {
            auto& ch = ce.addChild(c.sctp ? "sctpconnection" : "channel");
            ch.setAttr("id", c.id);
            ch.setAttr("content", c.content);
            setIf(ch, "endpoint", c.endpoint);
            setIf(ch, "channel-bundle-id", c.bundleId);
            ch.setAttr("expire", std::to_string(c.expire));
            if (c.sctp) {
                ch.setAttr("port", std::to_string(c.port));
            } else {
                ch.setAttr("direction", c.direction);
                ch.setAttr("bridge-ssrc", std::to_string(c.bridgeSsrc));
                ch.setAttr("ssrcs", joined(c.ssrcs));
                ch.setAttr("groups", joined(c.groups));
                ch.setAttr("simulcast-layers", joined(c.simulcastLayers));
                ch.setAttr("payload-types", joined(c.payloadTypes));
                if (c.lastN) ch.setAttr("last-n", std::to_string(*c.lastN));
            }
            ch.setAttr("remote-candidates", std::to_string(c.remoteCandidates));
            ch.setAttr("media", c.media ? "true" : "false");
        }
        for (const auto& b : conf.bundles) {
            auto& be = ce.addChild("channel-bundle");
            be.setAttr("id", b.id);
            setIf(be, "ufrag", b.ufrag);
            setIf(be, "remote-ufrag", b.remoteUfrag);
            be.setAttr("remote-candidates", std::to_string(b.remoteCandidates));
        }
    }
    return e;
}

}  // namespace jicofo::bridgesim
