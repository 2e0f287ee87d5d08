#include "protocol/disco/DiscoInfo.h"

#include <algorithm>

#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol {

bool DiscoInfo::hasFeature(const std::string& var) const {
    return std::find(features.begin(), features.end(), var) != features.end();
}

ParseResult<DiscoInfo> DiscoInfo::parse(const xml::Element& q) {
    if (q.name() != "query" || q.ns() != ns::kDiscoInfo)
        return StanzaError::of("bad-request", "not disco#info");
    DiscoInfo d;
    d.node = q.attr("node");
    for (const auto& c : q.children()) {
        if (c.name() == "identity")
            d.identities.push_back({c.attr("category"), c.attr("type"), c.attr("name")});
        else if (c.name() == "feature" && !c.attr("var").empty())
            d.features.push_back(c.attr("var"));
    }
    return d;
}

xml::Element DiscoInfo::toElement() const {
    xml::Element q("query", ns::kDiscoInfo);
    if (!node.empty()) q.setAttr("node", node);
    for (const auto& i : identities) {
        auto& e = q.addChild("identity");
        e.setAttr("category", i.category);
        e.setAttr("type", i.type);
        if (!i.name.empty()) e.setAttr("name", i.name);
    }
    for (const auto& f : features) q.addChild("feature").setAttr("var", f);
    return q;
}

ParseResult<DiscoItems> DiscoItems::parse(const xml::Element& q) {
    if (q.name() != "query" || q.ns() != ns::kDiscoItems)
        return StanzaError::of("bad-request", "not disco#items");
    DiscoItems d;
    d.node = q.attr("node");
    for (const auto& c : q.children()) {
        if (c.name() == "item" && !c.attr("jid").empty())
            d.items.push_back({c.attr("jid"), c.attr("name"), c.attr("node")});
    }
    return d;
}

xml::Element DiscoItems::toElement() const {
    xml::Element q("query", ns::kDiscoItems);
    if (!node.empty()) q.setAttr("node", node);
    for (const auto& i : items) {
        auto& e = q.addChild("item");
        e.setAttr("jid", i.jid);
        if (!i.name.empty()) e.setAttr("name", i.name);
        if (!i.node.empty()) e.setAttr("node", i.node);
    }
    return q;
}

}  // namespace jicofo::protocol
