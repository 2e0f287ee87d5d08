// The PubSub stanzas of the bridge stats feed (docs/media.md §1.2) against the golden event of a 2015 bridge.
#include <gtest/gtest.h>

#include "bridge/PubSub.h"
#include "support/Golden.h"

using namespace jicofo;
namespace pubsub = jicofo::bridge::pubsub;

TEST(BridgePubSub, TheGoldenStatsEventGivesTheBridgeAndItsLoad) {
    auto items = pubsub::itemsOfEvent(test::golden("colibri/stats-pubsub-event.xml"));
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].node, "sharedStatsNode");
    EXPECT_EQ(items[0].itemId, "jitsi-videobridge.example.com");
    EXPECT_EQ(items[0].stats.number("videostreams"), 12);
    EXPECT_EQ(items[0].stats.number("conferences"), 2);
}

TEST(BridgePubSub, AMessageWithoutAnEventHasNoItems) {
    xml::Element m("message", "jabber:client");
    m.addChild("body").setText("hello");
    EXPECT_TRUE(pubsub::itemsOfEvent(m).empty());
}

TEST(BridgePubSub, ItemsWithoutStatsAreSkipped) {
    xml::Element m("message", "jabber:client");
    auto& items = m.addChild("event", pubsub::kPubSubEvent).addChild("items");
    items.setAttr("node", "n");
    items.addChild("item").setAttr("id", "jvb.example.com");
    items.addChild("retract").setAttr("id", "x");
    EXPECT_TRUE(pubsub::itemsOfEvent(m).empty());
}

TEST(BridgePubSub, RequestsAsXep0060) {
    auto fetch = pubsub::itemsRequest("sharedStatsNode");
    EXPECT_EQ(
        fetch.toString(),
        "<pubsub xmlns=\"http://jabber.org/protocol/pubsub\"><items node=\"sharedStatsNode\"/></pubsub>");
    auto sub = pubsub::subscribeRequest("n1", "focus@auth.example.com/focus1");
    ASSERT_TRUE(sub.child("subscribe"));
    EXPECT_EQ(sub.child("subscribe")->attr("node"), "n1");
    EXPECT_EQ(sub.child("subscribe")->attr("jid"), "focus@auth.example.com/focus1");
}
