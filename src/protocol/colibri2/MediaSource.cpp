#include "protocol/colibri2/MediaSource.h"

#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri2 {

namespace jns = jingle::ns;

namespace {

std::optional<StanzaError> readChild(MediaSource& m, const xml::Element& c) {
    if (c.name() == "source" && c.ns() == jns::kSsma) {
        auto s = jingle::Source::parse(c);
        if (!s) return s.error();
        if (!s->ssrc)
            return jingle::badRequest("<source> in media-source '" + m.id + "' lacks the 'ssrc' attribute");
        m.sources.push_back(std::move(*s));
    } else if (c.name() == "ssrc-group" && c.ns() == jns::kSsma) {
        auto g = jingle::SourceGroup::parse(c);
        if (!g) return g.error();
        m.groups.push_back(std::move(*g));
    } else {
        m.extraChildren.push_back(c);
        m.order.saw(jingle::kExtraKind);
        return std::nullopt;
    }
    m.order.saw(c.name());
    return std::nullopt;
}

}  // namespace

bool isMediaType(const std::string& type) {
    return type == "audio" || type == "video" || type == "data";
}

std::string sourceName(const jingle::Source& s) {
    for (const auto& [k, v] : s.extraAttrs)
        if (k == "name") return v;
    return {};
}

void setSourceName(jingle::Source& s, const std::string& name) {
    for (auto& [k, v] : s.extraAttrs) {
        if (k == "name") {
            v = name;
            return;
        }
    }
    s.extraAttrs.emplace_back("name", name);
}

ParseResult<MediaSource> MediaSource::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    MediaSource m;
    m.type = r.str("type", true);
    m.id = r.str("id", true);
    m.synthetic = r.boolean("synthetic");
    if (!r.failed() && !isMediaType(m.type))
        r.fail("<media-source> type='" + m.type + "' is not audio, video or data");
    if (r.failed()) return r.error();
    m.extraAttrs = r.unread();
    for (const auto& c : e.children())
        if (auto err = readChild(m, c)) return *err;
    return m;
}

xml::Element MediaSource::toElement() const {
    xml::Element e("media-source", ns::kColibri2);
    e.setAttr("type", type);
    e.setAttr("id", id);
    if (synthetic) e.setAttr("synthetic", jingle::boolText(*synthetic));
    jingle::writeAttributes(e, extraAttrs);
    order.emit({
        {"source",
         [&] {
             for (const auto& s : sources) e.addChild(s.toElement());
         }},
        {"ssrc-group",
         [&] {
             for (const auto& g : groups) e.addChild(g.toElement());
         }},
        {jingle::kExtraKind,
         [&] {
             for (const auto& x : extraChildren) e.addChild(x);
         }},
    });
    return e;
}

MediaSource MediaSource::single(std::string type, std::string id, uint32_t ssrc) {
    MediaSource m;
    m.type = std::move(type);
    m.id = std::move(id);
    jingle::Source s = jingle::Source::make(ssrc);
    setSourceName(s, m.id);
    m.sources.push_back(std::move(s));
    return m;
}

std::vector<uint32_t> MediaSource::ssrcs() const {
    std::vector<uint32_t> out;
    for (const auto& s : sources)
        if (s.ssrc) out.push_back(*s.ssrc);
    return out;
}

}  // namespace jicofo::protocol::colibri2
