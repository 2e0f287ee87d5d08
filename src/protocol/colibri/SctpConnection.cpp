#include "protocol/colibri/SctpConnection.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri {

ParseResult<SctpConnection> SctpConnection::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    SctpConnection s;
    s.id = r.str("id");
    s.endpoint = r.str("endpoint");
    s.channelBundleId = r.str("channel-bundle-id");
    s.expire = r.uint("expire", INT32_MAX);
    s.initiator = r.boolean("initiator");
    auto port = r.uint("port", 65535);
    if (r.failed()) return r.error();
    if (port) s.port = static_cast<uint16_t>(*port);
    s.extraAttrs = r.unread();
    for (const auto& c : e.children()) {
        if (jingle::Transport::isTransport(c)) {
            if (s.transport)
                return jingle::badRequest("<sctpconnection id='" + s.id + "'> has a second <transport>");
            auto t = jingle::Transport::parse(c);
            if (!t) return t.error();
            s.transport = std::move(*t);
        } else {
            s.extraChildren.push_back(c);
        }
    }
    return s;
}

xml::Element SctpConnection::toElement() const {
    xml::Element e("sctpconnection", jingle::ns::kColibri);
    if (!id.empty()) e.setAttr("id", id);
    if (!endpoint.empty()) e.setAttr("endpoint", endpoint);
    if (!channelBundleId.empty()) e.setAttr("channel-bundle-id", channelBundleId);
    if (expire) e.setAttr("expire", std::to_string(*expire));
    if (initiator) e.setAttr("initiator", jingle::boolText(*initiator));
    e.setAttr("port", std::to_string(port));
    jingle::writeAttributes(e, extraAttrs);
    if (transport) e.addChild(transport->toElement());
    for (const auto& x : extraChildren) e.addChild(x);
    return e;
}

}  // namespace jicofo::protocol::colibri
