#include "protocol/colibri2/HealthCheck.h"

#include "protocol/colibri2/Colibri2Namespaces.h"

namespace jicofo::protocol::colibri2 {

bool HealthCheck::isHealthCheck(const xml::Element& e) {
    return e.name() == "healthcheck" && e.ns() == ns::kHealthCheck;
}

ParseResult<HealthCheck> HealthCheck::parse(const xml::Element& e) {
    if (!isHealthCheck(e)) return jingle::badRequest("<" + e.name() + "> is not a healthcheck");
    HealthCheck h;
    h.extraAttrs = jingle::AttrReader(e).unread();
    h.extraChildren = e.children();
    return h;
}

xml::Element HealthCheck::toElement() const {
    xml::Element e("healthcheck", ns::kHealthCheck);
    jingle::writeAttributes(e, extraAttrs);
    for (const auto& c : extraChildren) e.addChild(c);
    return e;
}

}  // namespace jicofo::protocol::colibri2
