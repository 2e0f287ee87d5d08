#include "protocol/colibri2/Media.h"

#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/colibri2/MediaSource.h"

namespace jicofo::protocol::colibri2 {

namespace jns = jingle::ns;

namespace {

std::optional<StanzaError> readChild(Media& m, const xml::Element& c) {
    if (c.name() == "payload-type" && c.ns() == jns::kRtp) {
        auto pt = jingle::PayloadType::parse(c);
        if (!pt) return pt.error();
        m.payloadTypes.push_back(std::move(*pt));
    } else if (c.name() == "rtp-hdrext" && c.ns() == jns::kRtpHdrExt) {
        auto h = jingle::RtpHdrExt::parse(c);
        if (!h) return h.error();
        m.hdrExts.push_back(std::move(*h));
    } else if (c.name() == "extmap-allow-mixed" && c.ns() == jns::kRtpHdrExt && !m.extmapAllowMixed) {
        m.extmapAllowMixed = true;
    } else {
        m.extraChildren.push_back(c);
        m.order.saw(jingle::kExtraKind);
        return std::nullopt;
    }
    m.order.saw(c.name());
    return std::nullopt;
}

}  // namespace

ParseResult<Media> Media::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    Media m;
    m.type = r.str("type", true);
    if (!r.failed() && !isMediaType(m.type))
        r.fail("<media> type='" + m.type + "' is not audio, video or data");
    if (r.failed()) return r.error();
    m.extraAttrs = r.unread();
    for (const auto& c : e.children())
        if (auto err = readChild(m, c)) return *err;
    return m;
}

xml::Element Media::toElement() const {
    xml::Element e("media", ns::kColibri2);
    e.setAttr("type", type);
    jingle::writeAttributes(e, extraAttrs);
    order.emit({
        {"payload-type",
         [&] {
             for (const auto& pt : payloadTypes) e.addChild(pt.toElement(jns::kRtp));
         }},
        {"rtp-hdrext",
         [&] {
             for (const auto& h : hdrExts) e.addChild(h.toElement());
         }},
        {"extmap-allow-mixed",
         [&] {
             if (extmapAllowMixed) e.addChild("extmap-allow-mixed", jns::kRtpHdrExt);
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

}  // namespace jicofo::protocol::colibri2
