#include "protocol/colibri2/Colibri2Transport.h"

#include "protocol/colibri2/Colibri2Namespaces.h"

namespace jicofo::protocol::colibri2 {

namespace {

bool isWebSocket(const xml::Element& e) {
    return e.name() == "web-socket" && e.ns() == ns::kColibri;
}

std::optional<StanzaError> readChild(Colibri2Transport& t, const xml::Element& c) {
    if (jingle::Transport::isTransport(c) && !t.ice) {
        auto ice = jingle::Transport::parse(c);
        if (!ice) return ice.error();
        for (const auto& x : ice->extraChildren)
            if (isWebSocket(x) && x.attr("url").empty())
                return jingle::badRequest("<web-socket> lacks the 'url' attribute");
        t.ice = std::move(*ice);
    } else if (Sctp::isSctp(c) && !t.sctp) {
        auto s = Sctp::parse(c);
        if (!s) return s.error();
        t.sctp = std::move(*s);
    } else {
        t.extraChildren.push_back(c);
        t.order.saw(jingle::kExtraKind);
        return std::nullopt;
    }
    t.order.saw(c.name());
    return std::nullopt;
}

}  // namespace

bool Colibri2Transport::isTransport(const xml::Element& e) {
    return e.name() == "transport" && e.ns() == ns::kColibri2;
}

ParseResult<Colibri2Transport> Colibri2Transport::parse(const xml::Element& e) {
    if (!isTransport(e)) return jingle::badRequest("<" + e.name() + "> is not a Colibri2 transport");
    jingle::AttrReader r(e);
    Colibri2Transport t;
    t.iceControlling = r.boolean("ice-controlling");
    t.useUniquePort = r.boolean("use-unique-port");
    if (r.failed()) return r.error();
    t.extraAttrs = r.unread();
    for (const auto& c : e.children())
        if (auto err = readChild(t, c)) return *err;
    return t;
}

xml::Element Colibri2Transport::toElement() const {
    xml::Element e("transport", ns::kColibri2);
    if (iceControlling) e.setAttr("ice-controlling", jingle::boolText(*iceControlling));
    if (useUniquePort) e.setAttr("use-unique-port", jingle::boolText(*useUniquePort));
    jingle::writeAttributes(e, extraAttrs);
    // Both the ICE transport and this element are named "transport": the ICE one is the only modelled
    // child of that name, so it owns the kind.
    order.emit({
        {"transport",
         [&] {
             if (ice) e.addChild(ice->toElement());
         }},
        {"sctp",
         [&] {
             if (sctp) e.addChild(sctp->toElement());
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

std::vector<std::string> Colibri2Transport::webSockets() const {
    std::vector<std::string> urls;
    if (!ice) return urls;
    for (const auto& x : ice->extraChildren)
        if (isWebSocket(x)) urls.push_back(x.attr("url"));
    return urls;
}

void Colibri2Transport::addWebSocket(const std::string& url) {
    if (!ice) ice = jingle::Transport{};
    xml::Element ws("web-socket", ns::kColibri);
    ws.setAttr("url", url);
    ice->extraChildren.push_back(std::move(ws));
}

}  // namespace jicofo::protocol::colibri2
