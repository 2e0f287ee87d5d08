#include "protocol/colibri/ChannelBundle.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri {

ParseResult<ChannelBundle> ChannelBundle::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    ChannelBundle b;
    b.id = r.str("id", true);
    if (r.failed()) return r.error();
    b.extraAttrs = r.unread();
    for (const auto& c : e.children()) {
        if (jingle::Transport::isTransport(c)) {
            if (b.transport)
                return jingle::badRequest("<channel-bundle id='" + b.id + "'> has a second <transport>");
            auto t = jingle::Transport::parse(c);
            if (!t) return t.error();
            b.transport = std::move(*t);
        } else {
            b.extraChildren.push_back(c);
        }
    }
    return b;
}

xml::Element ChannelBundle::toElement() const {
    xml::Element e("channel-bundle", jingle::ns::kColibri);
    e.setAttr("id", id);
    jingle::writeAttributes(e, extraAttrs);
    if (transport) e.addChild(transport->toElement());
    for (const auto& x : extraChildren) e.addChild(x);
    return e;
}

}  // namespace jicofo::protocol::colibri
