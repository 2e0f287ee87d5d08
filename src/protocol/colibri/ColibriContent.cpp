#include "protocol/colibri/ColibriContent.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri {

ParseResult<ColibriContent> ColibriContent::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    ColibriContent content;
    content.name = r.str("name", true);
    if (r.failed()) return r.error();
    content.extraAttrs = r.unread();
    for (const auto& c : e.children()) {
        if (c.name() == "channel" && c.ns() == jingle::ns::kColibri) {
            auto ch = Channel::parse(c);
            if (!ch) return ch.error();
            content.channels.push_back(std::move(*ch));
        } else if (c.name() == "sctpconnection" && c.ns() == jingle::ns::kColibri) {
            auto s = SctpConnection::parse(c);
            if (!s) return s.error();
            content.sctpConnections.push_back(std::move(*s));
        } else {
            content.extraChildren.push_back(c);
            content.order.saw(jingle::kExtraKind);
            continue;
        }
        content.order.saw(c.name());
    }
    return content;
}

xml::Element ColibriContent::toElement() const {
    xml::Element e("content", jingle::ns::kColibri);
    e.setAttr("name", name);
    jingle::writeAttributes(e, extraAttrs);
    order.emit({
        {"channel",
         [&] {
             for (const auto& c : channels) e.addChild(c.toElement());
         }},
        {"sctpconnection",
         [&] {
             for (const auto& s : sctpConnections) e.addChild(s.toElement());
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

const Channel* ColibriContent::channel(const std::string& id) const {
    for (const auto& c : channels)
        if (c.id == id) return &c;
    return nullptr;
}

const SctpConnection* ColibriContent::sctpConnection(const std::string& id) const {
    for (const auto& s : sctpConnections)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace jicofo::protocol::colibri
