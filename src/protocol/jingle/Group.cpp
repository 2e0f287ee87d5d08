#include "protocol/jingle/Group.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

bool Group::isGroup(const xml::Element& e) {
    return e.name() == "group" && e.ns() == ns::kGrouping;
}

ParseResult<Group> Group::parse(const xml::Element& e) {
    AttrReader r(e);
    Group g;
    g.semantics = r.str("semantics", true);
    if (r.failed()) return r.error();
    g.extra = r.unread();
    for (const auto* c : e.childrenNamed("content")) {
        AttrReader cr(*c);
        std::string name = cr.str("name", true);
        if (cr.failed()) return cr.error();
        g.contents.push_back(std::move(name));
    }
    return g;
}

xml::Element Group::toElement() const {
    xml::Element e("group", ns::kGrouping);
    e.setAttr("semantics", semantics);
    writeAttributes(e, extra);
    for (const auto& name : contents) e.addChild("content").setAttr("name", name);
    return e;
}

}  // namespace jicofo::protocol::jingle
