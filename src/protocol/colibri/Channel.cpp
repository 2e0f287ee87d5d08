#include "protocol/colibri/Channel.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri {
namespace ns = jingle::ns;
using jingle::AttrReader;

namespace {

std::optional<StanzaError> readChild(Channel& ch, const xml::Element& c) {
    if (c.name() == "payload-type") {
        auto pt = jingle::PayloadType::parse(c);
        if (!pt) return pt.error();
        ch.payloadTypes.push_back(std::move(*pt));
    } else if (c.name() == "rtp-hdrext" && c.ns() == ns::kRtpHdrExt) {
        auto h = jingle::RtpHdrExt::parse(c);
        if (!h) return h.error();
        ch.hdrExts.push_back(std::move(*h));
    } else if (c.name() == "source" && c.ns() == ns::kSsma) {
        auto s = jingle::Source::parse(c);
        if (!s) return s.error();
        ch.sources.push_back(std::move(*s));
    } else if (c.name() == "ssrc-group" && c.ns() == ns::kSsma) {
        auto g = jingle::SourceGroup::parse(c);
        if (!g) return g.error();
        ch.groups.push_back(std::move(*g));
    } else if (c.name() == "ssrc" && c.ns() == ns::kColibri) {
        auto ssrc = jingle::parseSsrc(c.text());
        if (!ssrc) return jingle::badRequest("<ssrc>" + c.text() + "</ssrc> is not an SSRC");
        ch.receivedSsrcs.push_back(*ssrc);
    } else if (jingle::Transport::isTransport(c)) {
        if (ch.transport) return jingle::badRequest("<channel id='" + ch.id + "'> has a second <transport>");
        auto t = jingle::Transport::parse(c);
        if (!t) return t.error();
        ch.transport = std::move(*t);
    } else {
        ch.extraChildren.push_back(c);
        ch.order.saw(jingle::kExtraKind);
        return std::nullopt;
    }
    ch.order.saw(c.name());
    return std::nullopt;
}

}  // namespace

ParseResult<Channel> Channel::parse(const xml::Element& e) {
    AttrReader r(e);
    Channel ch;
    ch.id = r.str("id");
    ch.endpoint = r.str("endpoint");
    ch.channelBundleId = r.str("channel-bundle-id");
    ch.expire = r.uint("expire", INT32_MAX);
    ch.initiator = r.boolean("initiator");
    ch.direction = r.str("direction");
    ch.lastN = r.sint("last-n", -1, INT32_MAX);
    ch.adaptiveLastN = r.boolean("adaptive-last-n");
    ch.adaptiveSimulcast = r.boolean("adaptive-simulcast");
    ch.simulcastMode = r.str("simulcast-mode");
    ch.rtpLevelRelayType = r.str("rtp-level-relay-type");
    ch.receiveSimulcastLayer = r.sint("receive-simulcast-layer", -1, INT32_MAX);
    if (r.failed()) return r.error();
    ch.extraAttrs = r.unread();
    for (const auto& c : e.children())
        if (auto err = readChild(ch, c)) return *err;
    return ch;
}

xml::Element Channel::toElement() const {
    xml::Element e("channel", ns::kColibri);
    if (!id.empty()) e.setAttr("id", id);
    if (!endpoint.empty()) e.setAttr("endpoint", endpoint);
    if (!channelBundleId.empty()) e.setAttr("channel-bundle-id", channelBundleId);
    if (expire) e.setAttr("expire", std::to_string(*expire));
    if (initiator) e.setAttr("initiator", jingle::boolText(*initiator));
    if (!direction.empty()) e.setAttr("direction", direction);
    if (lastN) e.setAttr("last-n", std::to_string(*lastN));
    if (adaptiveLastN) e.setAttr("adaptive-last-n", jingle::boolText(*adaptiveLastN));
    if (adaptiveSimulcast) e.setAttr("adaptive-simulcast", jingle::boolText(*adaptiveSimulcast));
    if (!simulcastMode.empty()) e.setAttr("simulcast-mode", simulcastMode);
    if (!rtpLevelRelayType.empty()) e.setAttr("rtp-level-relay-type", rtpLevelRelayType);
    if (receiveSimulcastLayer) e.setAttr("receive-simulcast-layer", std::to_string(*receiveSimulcastLayer));
    jingle::writeAttributes(e, extraAttrs);
    order.emit({
        {"payload-type",
         [&] {
             for (const auto& pt : payloadTypes) e.addChild(pt.toElement(ns::kColibri));
         }},
        {"rtp-hdrext",
         [&] {
             for (const auto& h : hdrExts) e.addChild(h.toElement());
         }},
        {"source",
         [&] {
             for (const auto& s : sources) e.addChild(s.toElement());
         }},
        {"ssrc-group",
         [&] {
             for (const auto& g : groups) e.addChild(g.toElement());
         }},
        {"ssrc",
         [&] {
             for (uint32_t s : receivedSsrcs) e.addChild("ssrc").setText(std::to_string(s));
         }},
        {"transport",
         [&] {
             if (transport) e.addChild(transport->toElement());
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

}  // namespace jicofo::protocol::colibri
