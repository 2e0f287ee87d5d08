#include "protocol/disco/EntityCaps.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "protocol/stanza/Namespaces.h"
#include "util/Digest.h"

namespace jicofo::protocol {

namespace {

constexpr const char* kDataForms = "jabber:x:data";

void append(std::string& s, const std::string& item) {
    s += item;
    s += '<';
}

// §5.4 step 3: nothing when a form's FORM_TYPE is ill-formed; "" for a form without FORM_TYPE (ignored).
std::optional<std::pair<std::string, std::string>> formString(const xml::Element& x) {
    std::string formType;
    bool seenType = false;
    std::map<std::string, std::vector<std::string>> fields;  // var -> values; ordered by var
    for (const xml::Element* f : x.childrenNamed("field")) {
        std::vector<std::string> values;
        for (const xml::Element* v : f->childrenNamed("value")) values.push_back(v->text());
        const std::string& var = f->attr("var");
        if (var == "FORM_TYPE") {
            if (seenType || f->attr("type") != "hidden" || values.size() != 1) return std::nullopt;
            seenType = true;
            formType = values.front();
            continue;
        }
        if (fields.count(var)) return std::nullopt;  // a field twice: no single reading of the form
        std::sort(values.begin(), values.end());
        fields.emplace(var, std::move(values));
    }
    if (!seenType) return std::pair<std::string, std::string>{};
    std::string s;
    append(s, formType);
    for (const auto& [var, values] : fields) {
        append(s, var);
        for (const auto& v : values) append(s, v);
    }
    return std::pair{formType, s};
}

}  // namespace

ParseResult<EntityCaps> EntityCaps::parse(const xml::Element& c) {
    if (c.name() != "c" || c.ns() != ns::kCaps)
        return StanzaError::of("bad-request", "not an entity caps <c/>");
    EntityCaps caps{c.attr("hash"), c.attr("node"), c.attr("ver")};
    if (caps.hash.empty() || caps.node.empty() || caps.ver.empty())
        return StanzaError::of("bad-request", "caps without hash, node or ver");
    return caps;
}

xml::Element EntityCaps::toElement() const {
    xml::Element c("c", ns::kCaps);
    c.setAttr("hash", hash);
    c.setAttr("node", node);
    c.setAttr("ver", ver);
    return c;
}

std::optional<std::string> capsVerificationString(const xml::Element& query) {
    if (query.name() != "query" || query.ns() != ns::kDiscoInfo) return std::nullopt;
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> identities;
    std::vector<std::string> features;
    std::map<std::string, std::string> forms;  // FORM_TYPE -> its part of S
    for (const auto& c : query.children()) {
        if (c.name() == "identity" && c.ns() == ns::kDiscoInfo) {
            identities.emplace_back(c.attr("category"), c.attr("type"), c.attr("xml:lang"), c.attr("name"));
        } else if (c.name() == "feature" && c.ns() == ns::kDiscoInfo) {
            features.push_back(c.attr("var"));
        } else if (c.name() == "x" && c.ns() == kDataForms && c.attr("type") == "result") {
            auto form = formString(c);
            if (!form) return std::nullopt;
            if (form->first.empty()) continue;
            if (!forms.emplace(form->first, form->second).second) return std::nullopt;
        }
    }
    std::sort(identities.begin(), identities.end());
    std::sort(features.begin(), features.end());
    if (std::adjacent_find(identities.begin(), identities.end()) != identities.end() ||
        std::adjacent_find(features.begin(), features.end()) != features.end())
        return std::nullopt;
    std::string s;
    for (const auto& [category, type, lang, name] : identities)
        append(s, category + "/" + type + "/" + lang + "/" + name);
    for (const auto& f : features) append(s, f);
    for (const auto& [formType, part] : forms) s += part;
    return s;
}

std::optional<std::string> capsSha1Ver(const xml::Element& query) {
    auto s = capsVerificationString(query);
    if (!s) return std::nullopt;
    return util::sha1Base64(*s);
}

}  // namespace jicofo::protocol
