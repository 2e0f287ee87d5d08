#include "protocol/focus/ConferencePropertiesExt.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol {

bool ConferencePropertiesExt::isConferenceProperties(const xml::Element& e) {
    return e.name() == "conference-properties" && e.ns() == ns::kFocus;
}

ParseResult<ConferencePropertiesExt> ConferencePropertiesExt::parse(const xml::Element& e) {
    if (!isConferenceProperties(e))
        return StanzaError::of("bad-request", "not a <conference-properties> element");
    ConferencePropertiesExt c;
    for (const xml::Element* p : e.childrenNamed("property")) {
        if (p->attr("key").empty()) return StanzaError::of("bad-request", "<property> without a key");
        c.properties.emplace_back(p->attr("key"), p->attr("value"));
    }
    return c;
}

xml::Element ConferencePropertiesExt::toElement() const {
    xml::Element e("conference-properties", ns::kFocus);
    for (const auto& [key, value] : properties) {
        auto& p = e.addChild("property");
        p.setAttr("key", key);
        p.setAttr("value", value);
    }
    return e;
}

std::optional<std::string> ConferencePropertiesExt::get(const std::string& key) const {
    for (const auto& [k, v] : properties)
        if (k == key) return v;
    return std::nullopt;
}

}  // namespace jicofo::protocol
