// Bridge load and discovery through PubSub (docs/media.md §1.2): the shared stats node and the per-bridge
// mapping.
#include "bridge/PubSub.h"
#include "logic/bridge/BridgeHarness.h"

using namespace jicofo;
using namespace jicofo::test;
using Strings = std::vector<std::string>;
namespace pubsub = jicofo::bridge::pubsub;

namespace {
const char* kService = "pubsub.example.com";

xml::Element statsElement(int videostreams, int conferences = 1) {
    protocol::colibri::Stats s;
    s.set("conferences", std::to_string(conferences));
    s.set("videostreams", std::to_string(videostreams));
    s.set("cpu_usage", "0.25");
    return s.toElement();
}

xml::Element event(const std::string& node, const std::string& itemId, int videostreams,
                   const std::string& from = kService) {
    xml::Element m("message", protocol::ns::kClient);
    m.setAttr("from", from);
    m.setAttr("to", BridgeHarness::kFocus);
    auto& items = m.addChild("event", pubsub::kPubSubEvent).addChild("items");
    items.setAttr("node", node);
    auto& item = items.addChild("item");
    item.setAttr("id", itemId);
    item.addChild(statsElement(videostreams));
    return m;
}

xml::Element itemsResult(const std::string& node, const std::string& itemId, int videostreams) {
    xml::Element p("pubsub", pubsub::kPubSub);
    auto& items = p.addChild("items");
    items.setAttr("node", node);
    auto& item = items.addChild("item");
    item.setAttr("id", itemId);
    item.addChild(statsElement(videostreams));
    return p;
}

struct SharedNode : BridgeHarness {
    static bridge::BridgeRegistrySettings settings() {
        auto s = defaults();
        s.pubsubService = bjid(kService);
        s.statsNode = "sharedStatsNode";
        s.rediscoveryInterval = std::chrono::minutes(10);
        return s;
    }
    SharedNode() : BridgeHarness(settings()) {}
    // start(), the domain lists jvb1; the node fetch and subscription succeed without items.
    void startWithJvb1() {
        registry.start();
        answerDiscovery({"jvb1.example.com"}, {"jvb1.example.com"});
        reply(takeIq(kService, "pubsub"), xml::Element("pubsub", pubsub::kPubSub));
        reply(takeIq(kService, "pubsub"));
    }
    void deliver(const xml::Element& message) {
        EXPECT_TRUE(registry.handleMessage(message));
        loop.runPending();
    }
};
}  // namespace

TEST(BridgeStats, SharedNodeIsFetchedThenSubscribedWithTheFocusFullJid) {
    SharedNode h;
    h.registry.start();
    auto fetch = h.takeIq(kService, "pubsub");
    EXPECT_EQ(fetch.type, protocol::IqType::Get);
    ASSERT_TRUE(fetch.payload->child("items"));
    EXPECT_EQ(fetch.payload->child("items")->attr("node"), "sharedStatsNode");
    auto sub = h.takeIq(kService, "pubsub");
    EXPECT_EQ(sub.type, protocol::IqType::Set);
    ASSERT_TRUE(sub.payload->child("subscribe"));
    EXPECT_EQ(sub.payload->child("subscribe")->attr("node"), "sharedStatsNode");
    EXPECT_EQ(sub.payload->child("subscribe")->attr("jid"), BridgeHarness::kFocus);
}

TEST(BridgeStats, EventsFeedTheLoadOfAKnownBridge) {
    SharedNode h;
    h.startWithJvb1();
    h.deliver(event("sharedStatsNode", "jvb1.example.com", 12));
    const auto* b = h.registry.find(bjid("jvb1.example.com"));
    ASSERT_TRUE(b);
    EXPECT_EQ(b->videostreams, 12);
    EXPECT_EQ(b->conferences, 1);
    EXPECT_EQ(h.countIqs("jvb1.example.com"), 0u) << "a known bridge is not verified again";
}

TEST(BridgeStats, AnUnknownReporterIsVerifiedByDiscoInfoThenListed) {
    SharedNode h;
    h.startWithJvb1();
    h.deliver(event("sharedStatsNode", "jvb9.other.net", 3));
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com"}));
    h.deliver(event("sharedStatsNode", "jvb9.other.net", 4));  // while verifying: no second disco#info
    auto info = h.takeIqs("jvb9.other.net", "query", protocol::ns::kDiscoInfo);
    ASSERT_EQ(info.size(), 1u);
    h.reply(info.front(), h.discoInfo(true));
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com", "jvb9.other.net"}));
    EXPECT_EQ(h.registry.find(bjid("jvb9.other.net"))->videostreams, 4) << "the latest report counts";
    EXPECT_EQ(h.events.events.back(), "up jvb9.other.net");
}

TEST(BridgeStats, AReporterThatIsNotABridgeIsNotListedNorAskedAgainSoon) {
    SharedNode h;
    h.startWithJvb1();
    h.deliver(event("sharedStatsNode", "recorder.example.com", 3));
    h.reply(h.takeIq("recorder.example.com"), h.discoInfo(false));
    h.deliver(event("sharedStatsNode", "recorder.example.com", 3));
    EXPECT_EQ(h.countIqs("recorder.example.com"), 0u);
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com"}));
}

TEST(BridgeStats, ItemIdsWithoutADotAreIgnored) {
    SharedNode h;
    h.startWithJvb1();
    EXPECT_TRUE(h.registry.handleMessage(event("sharedStatsNode", "localhost", 3)));
    EXPECT_EQ(h.countIqs("localhost"), 0u);
}

TEST(BridgeStats, EventsFromAnotherSenderAreNotStats) {
    SharedNode h;
    h.startWithJvb1();
    EXPECT_FALSE(
        h.registry.handleMessage(event("sharedStatsNode", "jvb1.example.com", 99, "evil@example.com/x")));
    EXPECT_FALSE(h.registry.find(bjid("jvb1.example.com"))->videostreams);
}

TEST(BridgeStats, FetchedItemsCountLikeEvents) {
    SharedNode h;
    h.registry.start();
    h.answerDiscovery({"jvb1.example.com"}, {"jvb1.example.com"});
    h.reply(h.takeIq(kService, "pubsub"), itemsResult("sharedStatsNode", "jvb1.example.com", 7));
    EXPECT_EQ(h.registry.find(bjid("jvb1.example.com"))->videostreams, 7);
}

TEST(BridgeStats, AStatsOnlyBridgeVanishesWhenItsReportsAgeOut) {
    SharedNode h;
    h.startWithJvb1();
    h.deliver(event("sharedStatsNode", "jvb9.other.net", 3));
    h.reply(h.takeIq("jvb9.other.net"), h.discoInfo(true));
    h.deliver(event("sharedStatsNode", "jvb1.example.com", 5));
    h.loop.advance(std::chrono::milliseconds(15000 + 7500));
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com"})) << "jvb1 is still listed by the domain";
    EXPECT_FALSE(h.registry.find(bjid("jvb1.example.com"))->videostreams) << "its old load is forgotten";
    EXPECT_EQ(h.events.events.back(), "down jvb9.other.net");
    // Its next report brings it back.
    h.deliver(event("sharedStatsNode", "jvb9.other.net", 3));
    h.reply(h.takeIq("jvb9.other.net"), h.discoInfo(true));
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com", "jvb9.other.net"}));
}

TEST(BridgeStats, ARefusedSubscriptionIsRetried) {
    SharedNode h;
    h.registry.start();
    h.fail(h.takeIq(kService, "pubsub"), "item-not-found");
    h.fail(h.takeIq(kService, "pubsub"), "item-not-found");
    h.loop.advance(std::chrono::milliseconds(14999));
    EXPECT_EQ(h.takeIqs(kService).size(), 0u);
    h.loop.advance(std::chrono::milliseconds(1));
    EXPECT_EQ(h.takeIqs(kService).size(), 2u) << "fetch and subscribe again";
}

TEST(BridgeStats, MappingSubscribesToABridgesOwnNodeOnceItIsKnown) {
    auto s = BridgeHarness::defaults();
    s.pubsubService = bjid(kService);
    s.statsNodes = {{bjid("jvb1.example.com"), "node1"}, {bjid("jvb2.example.com"), "node2"}};
    BridgeHarness h(s);
    h.registry.start();
    EXPECT_EQ(h.countIqs(kService), 0u);
    h.answerDiscovery({"jvb1.example.com"}, {"jvb1.example.com"});
    auto reqs = h.takeIqs(kService, "pubsub");
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_EQ(reqs[1].payload->child("subscribe")->attr("node"), "node1");
    h.reply(reqs[0], xml::Element("pubsub", pubsub::kPubSub));
    h.reply(reqs[1]);
    EXPECT_TRUE(h.registry.handleMessage(event("node1", "anything", 21)));
    EXPECT_EQ(h.registry.find(bjid("jvb1.example.com"))->videostreams, 21);
    // node2's bridge is not known: its stats do not list it.
    h.registry.handleMessage(event("node2", "x", 1));
    h.loop.runPending();
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com"}));
    EXPECT_EQ(h.countIqs("jvb2.example.com"), 0u);
}

TEST(BridgeStats, NoPubSubWithoutAServiceAddress) {
    auto s = SharedNode::settings();
    s.pubsubService.reset();
    BridgeHarness h(s);
    h.registry.start();
    EXPECT_EQ(h.client.sent().size(), 1u) << "only the domain disco";
}
