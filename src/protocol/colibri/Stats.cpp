#include "protocol/colibri/Stats.h"

#include "protocol/jingle/AttrReader.h"
#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri {

bool Stats::isStats(const xml::Element& e) {
    return e.name() == "stats" && e.ns() == jingle::ns::kColibri;
}

ParseResult<Stats> Stats::parse(const xml::Element& e) {
    if (!isStats(e)) return jingle::badRequest("not a Colibri <stats> element");
    Stats s;
    for (const auto* stat : e.childrenNamed("stat", jingle::ns::kColibri)) {
        jingle::AttrReader r(*stat);
        std::string name = r.str("name", true);
        std::string value = r.str("value");
        if (r.failed()) return r.error();
        s.stats.emplace_back(std::move(name), std::move(value));
    }
    return s;
}

xml::Element Stats::toElement() const {
    xml::Element e("stats", jingle::ns::kColibri);
    for (const auto& [name, value] : stats) {
        auto& stat = e.addChild("stat");
        stat.setAttr("name", name);
        stat.setAttr("value", value);
    }
    return e;
}

const std::string* Stats::get(const std::string& name) const {
    for (const auto& [n, v] : stats)
        if (n == name) return &v;
    return nullptr;
}

std::optional<int64_t> Stats::number(const std::string& name) const {
    const std::string* v = get(name);
    if (!v) return std::nullopt;
    bool negative = !v->empty() && (*v)[0] == '-';
    auto magnitude = jingle::parseDecimal(std::string_view(*v).substr(negative ? 1 : 0), uint64_t(INT64_MAX));
    if (!magnitude) return std::nullopt;
    return negative ? -static_cast<int64_t>(*magnitude) : static_cast<int64_t>(*magnitude);
}

void Stats::set(const std::string& name, std::string value) {
    for (auto& [n, v] : stats) {
        if (n == name) {
            v = std::move(value);
            return;
        }
    }
    stats.emplace_back(name, std::move(value));
}

}  // namespace jicofo::protocol::colibri
