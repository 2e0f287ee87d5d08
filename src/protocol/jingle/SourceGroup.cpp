#include "protocol/jingle/SourceGroup.h"

#include <algorithm>

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

bool SourceGroup::contains(uint32_t ssrc) const {
    return std::find(ssrcs.begin(), ssrcs.end(), ssrc) != ssrcs.end();
}

bool SourceGroup::covers(const SourceGroup& other) const {
    if (semantics != other.semantics) return false;
    return std::all_of(other.ssrcs.begin(), other.ssrcs.end(), [&](uint32_t s) { return contains(s); });
}

ParseResult<SourceGroup> SourceGroup::parse(const xml::Element& e) {
    AttrReader r(e);
    SourceGroup g;
    g.semantics = r.str("semantics", true);
    if (r.failed()) return r.error();
    g.extra = r.unread();
    for (const auto* s : e.childrenNamed("source")) {
        AttrReader sr(*s);
        auto ssrc = sr.uint("ssrc", UINT32_MAX, true);
        if (sr.failed()) return sr.error();
        g.ssrcs.push_back(static_cast<uint32_t>(*ssrc));
    }
    return g;
}

xml::Element SourceGroup::toElement() const {
    xml::Element e("ssrc-group", ns::kSsma);
    e.setAttr("semantics", semantics);
    writeAttributes(e, extra);
    for (uint32_t s : ssrcs) e.addChild("source").setAttr("ssrc", std::to_string(s));
    return e;
}

}  // namespace jicofo::protocol::jingle
