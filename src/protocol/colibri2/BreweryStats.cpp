#include "protocol/colibri2/BreweryStats.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <functional>

#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::colibri2 {

namespace {

using Stat = std::pair<std::string, std::string>;

std::optional<double> readNumber(const std::string& text) {
    double v = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<bool> readBool(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    return std::nullopt;
}

// The typed stats in their default order: name, reader (false ⇒ bad value), writer (nullopt ⇒ absent).
struct Field {
    const char* name;
    std::function<bool(BreweryStats&, const std::string&)> read;
    std::function<std::optional<std::string>(const BreweryStats&)> write;
};

Field number(const char* name, std::optional<double> BreweryStats::*member) {
    return {
        name,
        [member](BreweryStats& s, const std::string& v) { return (s.*member = readNumber(v)).has_value(); },
        [member](const BreweryStats& s) -> std::optional<std::string> {
            if (!(s.*member)) return std::nullopt;
            return formatStatNumber(*(s.*member));
        }};
}

Field flag(const char* name, std::optional<bool> BreweryStats::*member) {
    return {name,
            [member](BreweryStats& s, const std::string& v) { return (s.*member = readBool(v)).has_value(); },
            [member](const BreweryStats& s) -> std::optional<std::string> {
                if (!(s.*member)) return std::nullopt;
                return std::string(jingle::boolText(*(s.*member)));
            }};
}

Field text(const char* name, std::string BreweryStats::*member) {
    return {name,
            [member](BreweryStats& s, const std::string& v) {
                s.*member = v;
                return true;
            },
            [member](const BreweryStats& s) -> std::optional<std::string> {
                if ((s.*member).empty()) return std::nullopt;
                return s.*member;
            }};
}

const std::vector<Field>& fields() {
    static const std::vector<Field> f = {
        number("stress_level", &BreweryStats::stressLevel),
        number("average_participant_stress", &BreweryStats::averageParticipantStress),
        flag("graceful_shutdown", &BreweryStats::gracefulShutdown),
        flag("shutting_down", &BreweryStats::shuttingDown),
        flag("drain", &BreweryStats::drain),
        flag("healthy", &BreweryStats::healthy),
        flag("colibri2", &BreweryStats::colibri2),
        text("version", &BreweryStats::version),
        text("release", &BreweryStats::release),
        text("region", &BreweryStats::region),
        text("relay_id", &BreweryStats::relayId),
    };
    return f;
}

const Field* field(const std::string& name) {
    for (const auto& f : fields())
        if (name == f.name) return &f;
    return nullptr;
}

}  // namespace

std::string formatStatNumber(double v) {
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    std::string s = ec == std::errc() ? std::string(buf, ptr) : std::to_string(v);
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
}

bool BreweryStats::isStats(const xml::Element& e) {
    return e.name() == "stats" && e.ns() == ns::kColibri;
}

const xml::Element* BreweryStats::findIn(const xml::Element& presence) {
    return presence.child("stats", ns::kColibri);
}

ParseResult<BreweryStats> BreweryStats::parse(const xml::Element& stats) {
    if (!isStats(stats)) return jingle::badRequest("not a Colibri <stats> element");
    BreweryStats s;
    for (const auto* stat : stats.childrenNamed("stat", ns::kColibri)) {
        jingle::AttrReader r(*stat);
        std::string name = r.str("name", true);
        std::string value = r.str("value");
        if (r.failed()) return r.error();
        if (std::find(s.order.begin(), s.order.end(), name) != s.order.end()) continue;  // first one wins
        s.order.push_back(name);
        if (const Field* f = field(name)) {
            if (!f->read(s, value))
                return jingle::badRequest("stat " + name + "='" + value + "' is malformed");
        } else {
            s.others.emplace_back(name, value);
        }
    }
    return s;
}

xml::Element BreweryStats::toElement() const {
    std::vector<Stat> all;
    for (const auto& f : fields())
        if (auto v = f.write(*this)) all.emplace_back(f.name, *v);
    all.insert(all.end(), others.begin(), others.end());
    // Parsed order first, then the rest in default order.
    std::stable_sort(all.begin(), all.end(), [this](const Stat& a, const Stat& b) {
        auto pos = [this](const std::string& n) {
            return std::find(order.begin(), order.end(), n) - order.begin();
        };
        return pos(a.first) < pos(b.first);
    });
    xml::Element e("stats", ns::kColibri);
    for (const auto& [name, value] : all) {
        auto& stat = e.addChild("stat");
        stat.setAttr("name", name);
        stat.setAttr("value", value);
    }
    return e;
}

const std::string* BreweryStats::other(const std::string& name) const {
    for (const auto& [n, v] : others)
        if (n == name) return &v;
    return nullptr;
}

}  // namespace jicofo::protocol::colibri2
