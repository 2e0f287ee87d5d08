#include "protocol/colibri/ColibriConference.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri {
namespace ns = jingle::ns;
namespace {

std::optional<StanzaError> readChild(ColibriConference& conf, const xml::Element& c) {
    if (c.ns() == ns::kColibri && c.name() == "content") {
        auto content = ColibriContent::parse(c);
        if (!content) return content.error();
        conf.contents.push_back(std::move(*content));
    } else if (c.ns() == ns::kColibri && c.name() == "channel-bundle") {
        auto b = ChannelBundle::parse(c);
        if (!b) return b.error();
        conf.channelBundles.push_back(std::move(*b));
    } else if (c.ns() == ns::kColibri && c.name() == "recording") {
        if (conf.recording) return jingle::badRequest("Colibri <conference> has a second <recording>");
        conf.recording = *Recording::parse(c);
    } else if (c.ns() == ns::kColibri && c.name() == "graceful-shutdown") {
        conf.gracefulShutdown = true;
    } else {
        conf.extraChildren.push_back(c);
        conf.order.saw(jingle::kExtraKind);
        return std::nullopt;
    }
    conf.order.saw(c.name());
    return std::nullopt;
}

}  // namespace

bool ColibriConference::isConference(const xml::Element& e) {
    return e.name() == "conference" && e.ns() == ns::kColibri;
}

ParseResult<ColibriConference> ColibriConference::parse(const xml::Element& e) {
    if (!isConference(e)) return jingle::badRequest("not a Colibri <conference> element");
    jingle::AttrReader r(e);
    ColibriConference conf;
    conf.id = r.str("id");
    conf.name = r.str("name");
    conf.extraAttrs = r.unread();
    for (const auto& c : e.children())
        if (auto err = readChild(conf, c)) return *err;
    return conf;
}

xml::Element ColibriConference::toElement() const {
    xml::Element e("conference", ns::kColibri);
    if (!id.empty()) e.setAttr("id", id);
    if (!name.empty()) e.setAttr("name", name);
    jingle::writeAttributes(e, extraAttrs);
    order.emit({
        {"content",
         [&] {
             for (const auto& c : contents) e.addChild(c.toElement());
         }},
        {"channel-bundle",
         [&] {
             for (const auto& b : channelBundles) e.addChild(b.toElement());
         }},
        {"recording",
         [&] {
             if (recording) e.addChild(recording->toElement());
         }},
        {"graceful-shutdown",
         [&] {
             if (gracefulShutdown) e.addChild("graceful-shutdown");
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

const ColibriContent* ColibriConference::content(const std::string& name) const {
    for (const auto& c : contents)
        if (c.name == name) return &c;
    return nullptr;
}

ColibriContent* ColibriConference::content(const std::string& name) {
    for (auto& c : contents)
        if (c.name == name) return &c;
    return nullptr;
}

ColibriContent& ColibriConference::getOrAddContent(const std::string& name) {
    if (auto* c = content(name)) return *c;
    contents.push_back(ColibriContent{});
    contents.back().name = name;
    return contents.back();
}

const ChannelBundle* ColibriConference::channelBundle(const std::string& id) const {
    for (const auto& b : channelBundles)
        if (b.id == id) return &b;
    return nullptr;
}

}  // namespace jicofo::protocol::colibri
