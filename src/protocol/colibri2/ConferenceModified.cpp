#include "protocol/colibri2/ConferenceModified.h"

#include "protocol/colibri2/Colibri2Namespaces.h"

namespace jicofo::protocol::colibri2 {

bool ConferenceModified::isConferenceModified(const xml::Element& e) {
    return e.name() == "conference-modified" && e.ns() == ns::kColibri2;
}

ParseResult<ConferenceModified> ConferenceModified::parse(const xml::Element& e) {
    if (!isConferenceModified(e))
        return jingle::badRequest("<" + e.name() + "> is not a Colibri2 conference-modified");
    jingle::AttrReader r(e);
    ConferenceModified c;
    c.extraAttrs = r.unread();
    for (const auto& child : e.children()) {
        if (Endpoint::isEndpoint(child)) {
            auto ep = Endpoint::parse(child);
            if (!ep) return ep.error();
            c.endpoints.push_back(std::move(*ep));
        } else if (Sources::isSources(child) && !c.sources) {
            auto s = Sources::parse(child);
            if (!s) return s.error();
            c.sources = std::move(*s);
        } else {
            c.extraChildren.push_back(child);
            c.order.saw(jingle::kExtraKind);
            continue;
        }
        c.order.saw(child.name());
    }
    return c;
}

xml::Element ConferenceModified::toElement() const {
    xml::Element e("conference-modified", ns::kColibri2);
    jingle::writeAttributes(e, extraAttrs);
    order.emit({
        {"endpoint",
         [&] {
             for (const auto& ep : endpoints) e.addChild(ep.toElement());
         }},
        {"sources",
         [&] {
             if (sources) e.addChild(sources->toElement());
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

const Endpoint* ConferenceModified::endpoint(const std::string& id) const {
    for (const auto& ep : endpoints)
        if (ep.id == id) return &ep;
    return nullptr;
}

}  // namespace jicofo::protocol::colibri2
