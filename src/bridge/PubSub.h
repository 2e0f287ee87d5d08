#pragma once
// The few XEP-0060 stanzas the stats feed uses (docs/media.md §1.2): items fetch, subscribe, and the stats
// items of an items result or an event message. Kept in bridge/ because nothing else uses PubSub; it would
// move to protocol/ if something did.
#include <string>
#include <vector>

#include "protocol/colibri/Stats.h"
#include "xml/Element.h"

namespace jicofo::bridge::pubsub {

inline constexpr const char* kPubSub = "http://jabber.org/protocol/pubsub";
inline constexpr const char* kPubSubEvent = "http://jabber.org/protocol/pubsub#event";

// <pubsub xmlns=…><items node=…/></pubsub> (IQ get)
xml::Element itemsRequest(const std::string& node);
// <pubsub xmlns=…><subscribe node=… jid=…/></pubsub> (IQ set)
xml::Element subscribeRequest(const std::string& node, const std::string& jid);

struct StatsItem {
    std::string node, itemId;
    protocol::colibri::Stats stats;
};

// The <stats> items of an items-result payload (<pubsub><items node>…). Items without a valid <stats>
// child are skipped.
std::vector<StatsItem> itemsOfResult(const xml::Element& pubsub);
// The <stats> items of a <message> carrying <event xmlns='…pubsub#event'><items node>…; empty for any
// other message.
std::vector<StatsItem> itemsOfEvent(const xml::Element& message);

}  // namespace jicofo::bridge::pubsub
