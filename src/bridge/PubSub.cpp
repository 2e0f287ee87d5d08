#include "bridge/PubSub.h"

namespace jicofo::bridge::pubsub {
namespace {

void collect(const xml::Element& items, std::vector<StatsItem>& out) {
    const std::string& node = items.attr("node");
    for (const xml::Element* item : items.childrenNamed("item")) {
        for (const auto& child : item->children()) {
            if (!protocol::colibri::Stats::isStats(child)) continue;
            auto stats = protocol::colibri::Stats::parse(child);
            if (stats) out.push_back({node, item->attr("id"), std::move(stats.value())});
            break;
        }
    }
}

}  // namespace

xml::Element itemsRequest(const std::string& node) {
    xml::Element p("pubsub", kPubSub);
    p.addChild("items").setAttr("node", node);
    return p;
}

xml::Element subscribeRequest(const std::string& node, const std::string& jid) {
    xml::Element p("pubsub", kPubSub);
    auto& s = p.addChild("subscribe");
    s.setAttr("node", node);
    s.setAttr("jid", jid);
    return p;
}

std::vector<StatsItem> itemsOfResult(const xml::Element& pubsub) {
    std::vector<StatsItem> out;
    if (pubsub.name() != "pubsub" || pubsub.ns() != kPubSub) return out;
    for (const xml::Element* items : pubsub.childrenNamed("items", kPubSub)) collect(*items, out);
    return out;
}

std::vector<StatsItem> itemsOfEvent(const xml::Element& message) {
    std::vector<StatsItem> out;
    if (message.name() != "message") return out;
    const xml::Element* event = message.child("event", kPubSubEvent);
    if (!event) return out;
    for (const xml::Element* items : event->childrenNamed("items", kPubSubEvent)) collect(*items, out);
    return out;
}

}  // namespace jicofo::bridge::pubsub
