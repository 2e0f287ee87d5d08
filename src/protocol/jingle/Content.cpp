#include "protocol/jingle/Content.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

ParseResult<Content> Content::parse(const xml::Element& e) {
    AttrReader r(e);
    Content c;
    c.name = r.str("name", true);
    c.creator = r.str("creator");
    c.senders = r.str("senders");
    if (r.failed()) return r.error();
    c.extraAttrs = r.unread();
    for (const auto& child : e.children()) {
        if (RtpDescription::isDescription(child)) {
            if (c.description)
                return badRequest("<content name='" + c.name + "'> has a second <description>");
            auto d = RtpDescription::parse(child);
            if (!d) return d.error();
            c.description = std::move(*d);
            c.order.saw("description");
        } else if (Transport::isTransport(child)) {
            if (c.transport) return badRequest("<content name='" + c.name + "'> has a second <transport>");
            auto t = Transport::parse(child);
            if (!t) return t.error();
            c.transport = std::move(*t);
            c.order.saw("transport");
        } else if (child.name() == "bundle" && child.ns() == ns::kEstosBundle) {
            c.bundle = true;
            c.order.saw("bundle");
        } else {
            c.extraChildren.push_back(child);
            c.order.saw(kExtraKind);
        }
    }
    return c;
}

xml::Element Content::toElement() const {
    xml::Element e("content", ns::kJingle);
    if (!creator.empty()) e.setAttr("creator", creator);
    e.setAttr("name", name);
    if (!senders.empty()) e.setAttr("senders", senders);
    writeAttributes(e, extraAttrs);
    order.emit({
        {"description",
         [&] {
             if (description) e.addChild(description->toElement());
         }},
        {"transport",
         [&] {
             if (transport) e.addChild(transport->toElement());
         }},
        {"bundle",
         [&] {
             if (bundle) e.addChild("bundle", ns::kEstosBundle);
         }},
        {kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

std::string mediaOf(const Content& c, const std::vector<std::string>& offeredContents) {
    if (c.description && !c.description->media.empty())
        return c.description->media == "application" ? "data" : c.description->media;
    if (c.name == "audio" || c.name == "video" || c.name == "data") return c.name;
    if (auto index = parseDecimal(c.name, 1000); index && *index < offeredContents.size())
        return offeredContents[*index];
    return c.name;
}

}  // namespace jicofo::protocol::jingle
