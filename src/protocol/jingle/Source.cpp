#include "protocol/jingle/Source.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

std::optional<uint32_t> parseSsrc(const std::string& text) {
    auto v = parseDecimal(text, UINT32_MAX);
    if (!v) return std::nullopt;
    return static_cast<uint32_t>(*v);
}

ParseResult<SsrcInfo> SsrcInfo::parse(const xml::Element& e) {
    AttrReader r(e);
    SsrcInfo i;
    i.owner = r.str("owner");
    i.videoType = r.str("video-type");
    i.extra = r.unread();
    return i;
}

xml::Element SsrcInfo::toElement() const {
    xml::Element e("ssrc-info", ns::kJitMeet);
    if (!owner.empty()) e.setAttr("owner", owner);
    if (!videoType.empty()) e.setAttr("video-type", videoType);
    writeAttributes(e, extra);
    return e;
}

ParseResult<Source> Source::parse(const xml::Element& e) {
    AttrReader r(e);
    Source s;
    auto ssrc = r.uint("ssrc", UINT32_MAX);
    if (r.failed()) return r.error();
    if (ssrc) s.ssrc = static_cast<uint32_t>(*ssrc);
    s.extraAttrs = r.unread();
    for (const auto& c : e.children()) {
        if (c.name() == "parameter") {
            auto p = Parameter::parse(c);
            if (!p) return p.error();
            s.parameters.push_back(std::move(*p));
        } else if (c.name() == "ssrc-info" && c.ns() == ns::kJitMeet) {
            // The focus overwrites the owner of the one ssrc-info; a second would reach peers unchecked.
            if (s.ssrcInfo) return badRequest("<source> has a second <ssrc-info>");
            auto info = SsrcInfo::parse(c);
            if (!info) return info.error();
            s.ssrcInfo = std::move(*info);
        } else {
            s.extraChildren.push_back(c);
            s.order.saw(kExtraKind);
            continue;
        }
        s.order.saw(c.name());
    }
    return s;
}

xml::Element Source::toElement() const {
    xml::Element e("source", ns::kSsma);
    if (ssrc) e.setAttr("ssrc", std::to_string(*ssrc));
    writeAttributes(e, extraAttrs);
    order.emit({
        {"parameter",
         [&] {
             for (const auto& p : parameters) e.addChild(p.toElement(ns::kSsma));
         }},
        {"ssrc-info",
         [&] {
             if (ssrcInfo) e.addChild(ssrcInfo->toElement());
         }},
        {kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

void Source::setOwner(const std::string& owner) {
    if (!ssrcInfo) ssrcInfo = SsrcInfo{};
    ssrcInfo->owner = owner;
}

}  // namespace jicofo::protocol::jingle
