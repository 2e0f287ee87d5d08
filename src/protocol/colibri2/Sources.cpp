#include "protocol/colibri2/Sources.h"

#include "protocol/colibri2/Colibri2Namespaces.h"

namespace jicofo::protocol::colibri2 {

bool Sources::isSources(const xml::Element& e) {
    return e.name() == "sources" && e.ns() == ns::kColibri2;
}

ParseResult<Sources> Sources::parse(const xml::Element& e) {
    if (!isSources(e)) return jingle::badRequest("<" + e.name() + "> is not a Colibri2 <sources>");
    Sources s;
    for (const auto& c : e.children()) {
        if (c.name() == "media-source" && c.ns() == ns::kColibri2) {
            auto m = MediaSource::parse(c);
            if (!m) return m.error();
            s.mediaSources.push_back(std::move(*m));
        } else {
            s.extraChildren.push_back(c);
        }
    }
    return s;
}

xml::Element Sources::toElement() const {
    xml::Element e("sources", ns::kColibri2);
    for (const auto& m : mediaSources) e.addChild(m.toElement());
    for (const auto& x : extraChildren) e.addChild(x);
    return e;
}

const MediaSource* Sources::find(const std::string& id) const {
    for (const auto& m : mediaSources)
        if (m.id == id) return &m;
    return nullptr;
}

size_t Sources::ssrcCount() const {
    size_t n = 0;
    for (const auto& m : mediaSources) n += m.sources.size();
    return n;
}

}  // namespace jicofo::protocol::colibri2
