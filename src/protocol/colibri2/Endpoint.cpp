#include "protocol/colibri2/Endpoint.h"

#include "protocol/colibri2/Colibri2Namespaces.h"

namespace jicofo::protocol::colibri2 {

namespace {

template <typename T>
std::optional<StanzaError> readInto(std::optional<T>& slot, const xml::Element& c) {
    auto v = T::parse(c);
    if (!v) return v.error();
    slot = std::move(*v);
    return std::nullopt;
}

std::optional<StanzaError> readChild(Endpoint& ep, const xml::Element& c) {
    std::optional<StanzaError> err;
    if (c.ns() != ns::kColibri2) {
        ep.extraChildren.push_back(c);
        ep.order.saw(jingle::kExtraKind);
        return std::nullopt;
    }
    if (c.name() == "media") {
        auto m = Media::parse(c);
        if (!m) return m.error();
        ep.medias.push_back(std::move(*m));
    } else if (c.name() == "transport" && !ep.transport) {
        err = readInto(ep.transport, c);
    } else if (c.name() == "sources" && !ep.sources) {
        err = readInto(ep.sources, c);
    } else if (c.name() == "capability") {
        auto cap = Capability::parse(c);
        if (!cap) return cap.error();
        ep.capabilities.push_back(std::move(*cap));
    } else if (c.name() == "force-mute" && !ep.forceMute) {
        err = readInto(ep.forceMute, c);
    } else {
        ep.extraChildren.push_back(c);
        ep.order.saw(jingle::kExtraKind);
        return std::nullopt;
    }
    if (err) return err;
    ep.order.saw(c.name());
    return std::nullopt;
}

}  // namespace

bool Endpoint::isEndpoint(const xml::Element& e) {
    return e.name() == "endpoint" && e.ns() == ns::kColibri2;
}

ParseResult<Endpoint> Endpoint::parse(const xml::Element& e) {
    if (!isEndpoint(e)) return jingle::badRequest("<" + e.name() + "> is not a Colibri2 endpoint");
    jingle::AttrReader r(e);
    Endpoint ep;
    ep.id = r.str("id", true);
    ep.create = r.boolean("create").value_or(false);
    ep.expire = r.boolean("expire").value_or(false);
    ep.statsId = r.str("stats-id");
    ep.mucRole = r.str("muc-role");
    if (r.failed()) return r.error();
    ep.extraAttrs = r.unread();
    for (const auto& c : e.children())
        if (auto err = readChild(ep, c)) return *err;
    return ep;
}

xml::Element Endpoint::toElement() const {
    xml::Element e("endpoint", ns::kColibri2);
    if (create) e.setAttr("create", "true");
    e.setAttr("id", id);
    if (!statsId.empty()) e.setAttr("stats-id", statsId);
    if (!mucRole.empty()) e.setAttr("muc-role", mucRole);
    if (expire) e.setAttr("expire", "true");
    jingle::writeAttributes(e, extraAttrs);
    order.emit({
        {"media",
         [&] {
             for (const auto& m : medias) e.addChild(m.toElement());
         }},
        {"transport",
         [&] {
             if (transport) e.addChild(transport->toElement());
         }},
        {"sources",
         [&] {
             if (sources) e.addChild(sources->toElement());
         }},
        {"capability",
         [&] {
             for (const auto& c : capabilities) e.addChild(c.toElement());
         }},
        {"force-mute",
         [&] {
             if (forceMute) e.addChild(forceMute->toElement());
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

bool Endpoint::hasCapability(const std::string& name) const {
    for (const auto& c : capabilities)
        if (c.name == name) return true;
    return false;
}

const Media* Endpoint::media(const std::string& type) const {
    for (const auto& m : medias)
        if (m.type == type) return &m;
    return nullptr;
}

}  // namespace jicofo::protocol::colibri2
