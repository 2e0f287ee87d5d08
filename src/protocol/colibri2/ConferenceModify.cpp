#include "protocol/colibri2/ConferenceModify.h"

#include "protocol/colibri2/Colibri2Namespaces.h"
#include "util/Jid.h"

namespace jicofo::protocol::colibri2 {

bool ConferenceModify::isConferenceModify(const xml::Element& e) {
    return e.name() == "conference-modify" && e.ns() == ns::kColibri2;
}

ParseResult<ConferenceModify> ConferenceModify::parse(const xml::Element& e) {
    if (!isConferenceModify(e))
        return jingle::badRequest("<" + e.name() + "> is not a Colibri2 conference-modify");
    jingle::AttrReader r(e);
    ConferenceModify c;
    c.meetingId = r.str("meeting-id", true);
    c.name = r.str("name");
    c.create = r.boolean("create").value_or(false);
    c.expire = r.boolean("expire").value_or(false);
    if (!r.failed() && e.hasAttr("name")) {
        auto jid = util::Jid::parse(c.name);
        if (!jid || !jid->isBare()) r.fail("<conference-modify> name='" + c.name + "' is not a bare JID");
    }
    if (r.failed()) return r.error();
    c.extraAttrs = r.unread();
    for (const auto& child : e.children()) {
        if (Endpoint::isEndpoint(child)) {
            auto ep = Endpoint::parse(child);
            if (!ep) return ep.error();
            c.endpoints.push_back(std::move(*ep));
            c.order.saw("endpoint");
        } else {
            c.extraChildren.push_back(child);
            c.order.saw(jingle::kExtraKind);
        }
    }
    return c;
}

xml::Element ConferenceModify::toElement() const {
    xml::Element e("conference-modify", ns::kColibri2);
    e.setAttr("meeting-id", meetingId);
    if (!name.empty()) e.setAttr("name", name);
    if (create) e.setAttr("create", "true");
    if (expire) e.setAttr("expire", "true");
    jingle::writeAttributes(e, extraAttrs);
    order.emit({
        {"endpoint",
         [&] {
             for (const auto& ep : endpoints) e.addChild(ep.toElement());
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

const Endpoint* ConferenceModify::endpoint(const std::string& id) const {
    for (const auto& ep : endpoints)
        if (ep.id == id) return &ep;
    return nullptr;
}

Endpoint& ConferenceModify::addEndpoint(std::string id) {
    Endpoint& ep = endpoints.emplace_back();
    ep.id = std::move(id);
    return ep;
}

}  // namespace jicofo::protocol::colibri2
