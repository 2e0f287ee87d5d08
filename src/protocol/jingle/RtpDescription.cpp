#include "protocol/jingle/RtpDescription.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {
namespace {

// Adds one child of a description to d; returns the error when that child is malformed.
std::optional<StanzaError> readChild(RtpDescription& d, const xml::Element& c) {
    if (c.name() == "payload-type") {
        auto pt = PayloadType::parse(c);
        if (!pt) return pt.error();
        d.payloadTypes.push_back(std::move(*pt));
    } else if (c.name() == "rtp-hdrext" && c.ns() == ns::kRtpHdrExt) {
        auto h = RtpHdrExt::parse(c);
        if (!h) return h.error();
        d.hdrExts.push_back(std::move(*h));
    } else if (c.name() == "rtcp-mux") {
        d.rtcpMux = true;
    } else if (c.name() == "source" && c.ns() == ns::kSsma) {
        auto s = Source::parse(c);
        if (!s) return s.error();
        if (!s->ssrc)
            return badRequest("<source> in a " + d.media + " description lacks the 'ssrc' attribute");
        d.sources.push_back(std::move(*s));
    } else if (c.name() == "ssrc-group" && c.ns() == ns::kSsma) {
        auto g = SourceGroup::parse(c);
        if (!g) return g.error();
        if (g->ssrcs.empty())
            return badRequest("<ssrc-group semantics='" + g->semantics + "'> has no sources");
        d.groups.push_back(std::move(*g));
    } else {
        d.extraChildren.push_back(c);
        d.order.saw(kExtraKind);
        return std::nullopt;
    }
    d.order.saw(c.name());
    return std::nullopt;
}

}  // namespace

bool RtpDescription::isDescription(const xml::Element& e) {
    return e.name() == "description" && e.ns() == ns::kRtp;
}

ParseResult<RtpDescription> RtpDescription::parse(const xml::Element& e) {
    if (!isDescription(e)) return badRequest("<" + e.name() + "> is not an RTP description");
    AttrReader r(e);
    RtpDescription d;
    d.media = r.str("media");
    d.ssrc = r.str("ssrc");
    d.maxptime = r.uint("maxptime", UINT32_MAX);
    if (r.failed()) return r.error();
    d.extraAttrs = r.unread();
    for (const auto& c : e.children())
        if (auto err = readChild(d, c)) return *err;
    return d;
}

xml::Element RtpDescription::toElement() const {
    xml::Element e("description", ns::kRtp);
    if (!media.empty()) e.setAttr("media", media);
    if (!ssrc.empty()) e.setAttr("ssrc", ssrc);
    if (maxptime) e.setAttr("maxptime", std::to_string(*maxptime));
    writeAttributes(e, extraAttrs);
    order.emit({
        {"payload-type",
         [&] {
             for (const auto& pt : payloadTypes) e.addChild(pt.toElement(ns::kRtp));
         }},
        {"rtp-hdrext",
         [&] {
             for (const auto& h : hdrExts) e.addChild(h.toElement());
         }},
        {"rtcp-mux",
         [&] {
             if (rtcpMux) e.addChild("rtcp-mux");
         }},
        {"source",
         [&] {
             for (const auto& s : sources) e.addChild(s.toElement());
         }},
        {"ssrc-group",
         [&] {
             for (const auto& g : groups) e.addChild(g.toElement());
         }},
        {kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

}  // namespace jicofo::protocol::jingle
