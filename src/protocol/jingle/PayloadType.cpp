#include "protocol/jingle/PayloadType.h"

namespace jicofo::protocol::jingle {

ParseResult<RtcpFb> RtcpFb::parse(const xml::Element& e) {
    AttrReader r(e);
    RtcpFb fb;
    fb.type = r.str("type", true);
    fb.subtype = r.str("subtype");
    if (r.failed()) return r.error();
    fb.extra = r.unread();
    return fb;
}

xml::Element RtcpFb::toElement() const {
    xml::Element e("rtcp-fb", ns::kRtcpFb);
    e.setAttr("type", type);
    if (!subtype.empty()) e.setAttr("subtype", subtype);
    writeAttributes(e, extra);
    return e;
}

ParseResult<PayloadType> PayloadType::parse(const xml::Element& e) {
    AttrReader r(e);
    PayloadType pt;
    auto id = r.uint("id", 127, true);
    pt.name = r.str("name");
    pt.clockrate = r.uint("clockrate", UINT32_MAX);
    pt.channels = r.uint("channels", 255);
    pt.maxptime = r.uint("maxptime", UINT32_MAX);
    pt.ptime = r.uint("ptime", UINT32_MAX);
    if (r.failed()) return r.error();
    pt.id = static_cast<uint8_t>(*id);
    pt.extraAttrs = r.unread();
    for (const auto& c : e.children()) {
        if (c.name() == "parameter") {
            auto p = Parameter::parse(c);
            if (!p) return p.error();
            pt.parameters.push_back(std::move(*p));
        } else if (c.name() == "rtcp-fb" && c.ns() == ns::kRtcpFb) {
            auto fb = RtcpFb::parse(c);
            if (!fb) return fb.error();
            pt.rtcpFbs.push_back(std::move(*fb));
        } else {
            pt.extraChildren.push_back(c);
            pt.order.saw(kExtraKind);
            continue;
        }
        pt.order.saw(c.name());
    }
    return pt;
}

xml::Element PayloadType::toElement(const std::string& ns) const {
    xml::Element e("payload-type", ns);
    e.setAttr("id", std::to_string(id));
    if (!name.empty()) e.setAttr("name", name);
    if (clockrate) e.setAttr("clockrate", std::to_string(*clockrate));
    if (channels) e.setAttr("channels", std::to_string(*channels));
    if (maxptime) e.setAttr("maxptime", std::to_string(*maxptime));
    if (ptime) e.setAttr("ptime", std::to_string(*ptime));
    writeAttributes(e, extraAttrs);
    order.emit({
        {"parameter",
         [&] {
             for (const auto& p : parameters) e.addChild(p.toElement(ns));
         }},
        {"rtcp-fb",
         [&] {
             for (const auto& fb : rtcpFbs) e.addChild(fb.toElement());
         }},
        {kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

PayloadType PayloadType::make(uint8_t id, std::string name, uint32_t clockrate,
                              std::optional<uint32_t> channels) {
    PayloadType pt;
    pt.id = id;
    pt.name = std::move(name);
    pt.clockrate = clockrate;
    pt.channels = channels;
    return pt;
}

PayloadType& PayloadType::param(std::string name, std::string value) {
    parameters.push_back(Parameter{std::move(name), std::move(value), {}});
    return *this;
}

PayloadType& PayloadType::feedback(std::string type, std::string subtype) {
    rtcpFbs.push_back(RtcpFb{std::move(type), std::move(subtype), {}});
    return *this;
}

}  // namespace jicofo::protocol::jingle
