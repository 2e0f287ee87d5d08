#include "protocol/colibri2/Capability.h"

#include "protocol/colibri2/Colibri2Namespaces.h"

namespace jicofo::protocol::colibri2 {

bool Capability::isCapability(const xml::Element& e) {
    return e.name() == "capability" && e.ns() == ns::kColibri2;
}

ParseResult<Capability> Capability::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    Capability c;
    c.name = r.str("name", true);
    if (r.failed()) return r.error();
    c.extra = r.unread();
    return c;
}

xml::Element Capability::toElement() const {
    xml::Element e("capability", ns::kColibri2);
    e.setAttr("name", name);
    jingle::writeAttributes(e, extra);
    return e;
}

}  // namespace jicofo::protocol::colibri2
