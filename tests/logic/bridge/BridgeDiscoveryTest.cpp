// Discovery of bridges through the domain's disco (docs/media.md §1.1) and what stop()/start() do.
#include "logic/bridge/BridgeHarness.h"

using namespace jicofo;
using namespace jicofo::test;
using Strings = std::vector<std::string>;

TEST(BridgeDiscovery, OnlyItemsWithAllFourFeaturesAreBridges) {
    BridgeHarness h;
    h.registry.start();
    h.answerDiscovery({"jvb1.example.com", "conference.example.com", "jvb2.example.com"},
                      {"jvb1.example.com", "jvb2.example.com"});
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com", "jvb2.example.com"}));
    EXPECT_EQ(h.events.events, (Strings{"up jvb1.example.com", "up jvb2.example.com"}));
}

TEST(BridgeDiscovery, ABridgeMissingOneFeatureIsNotABridge) {
    BridgeHarness h;
    h.registry.start();
    h.reply(h.takeIq("example.com", "query", protocol::ns::kDiscoItems), h.discoItems({"jvb1.example.com"}));
    namespace jns = protocol::jingle::ns;
    protocol::DiscoInfo noRawUdp;
    noRawUdp.features = {jns::kColibri, jns::kDtls, jns::kIceUdp};
    h.reply(h.takeIq("jvb1.example.com", "query", protocol::ns::kDiscoInfo), noRawUdp.toElement());
    EXPECT_TRUE(h.known().empty());
}

TEST(BridgeDiscovery, DiscoRequestsGoToTheDomainThenEachItem) {
    BridgeHarness h;
    h.registry.start();
    auto items = h.takeIq("example.com");
    EXPECT_EQ(items.type, protocol::IqType::Get);
    ASSERT_TRUE(items.payload);
    EXPECT_EQ(items.payload->ns(), protocol::ns::kDiscoItems);
    h.reply(items, h.discoItems({"jvb1.example.com", "focus.example.com"}));
    auto info = h.takeIq("jvb1.example.com");
    EXPECT_EQ(info.type, protocol::IqType::Get);
    EXPECT_EQ(info.payload->ns(), protocol::ns::kDiscoInfo);
    EXPECT_FALSE(info.payload->hasAttr("node"));
    EXPECT_EQ(h.countIqs("focus.example.com"), 1u);
}

TEST(BridgeDiscovery, RediscoveryDropsABridgeThatVanishedFromTheItems) {
    BridgeHarness h;
    h.startWith({"jvb1.example.com", "jvb2.example.com"});
    h.loop.advance(std::chrono::seconds(30));
    h.answerDiscovery({"jvb2.example.com"}, {"jvb2.example.com"});
    EXPECT_EQ(h.known(), (Strings{"jvb2.example.com"}));
    EXPECT_EQ(h.events.events.back(), "down jvb1.example.com");
}

TEST(BridgeDiscovery, RediscoveryAddsANewBridge) {
    BridgeHarness h;
    h.startWith({"jvb1.example.com"});
    h.loop.advance(std::chrono::seconds(30));
    h.answerDiscovery({"jvb1.example.com", "jvb3.example.com"}, {"jvb1.example.com", "jvb3.example.com"});
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com", "jvb3.example.com"}));
    EXPECT_EQ(h.events.events, (Strings{"up jvb1.example.com", "up jvb3.example.com"}));
}

TEST(BridgeDiscovery, ABridgeThatStopsAnsweringDiscoInfoGoesOffline) {
    BridgeHarness h;
    h.startWith({"jvb1.example.com", "jvb2.example.com"});
    h.loop.advance(std::chrono::seconds(30));
    h.reply(h.takeIq("example.com"), h.discoItems({"jvb1.example.com", "jvb2.example.com"}));
    h.reply(h.takeIq("jvb1.example.com"), h.discoInfo(true));
    h.loop.advance(std::chrono::seconds(5));  // jvb2 never answers: disco#info timeout
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com"}));
    EXPECT_EQ(h.events.events.back(), "down jvb2.example.com");
}

TEST(BridgeDiscovery, AFailedItemsQueryKeepsTheKnownBridges) {
    BridgeHarness h;
    h.startWith({"jvb1.example.com"});
    h.loop.advance(std::chrono::seconds(30));
    h.fail(h.takeIq("example.com"), "internal-server-error");
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com"}));
    // And the next round runs normally.
    h.loop.advance(std::chrono::seconds(30));
    h.answerDiscovery({}, {});
    EXPECT_TRUE(h.known().empty());
}

TEST(BridgeDiscovery, NoRediscoveryWhenTheIntervalIsZero) {
    auto s = BridgeHarness::defaults();
    s.rediscoveryInterval = util::Duration(0);
    BridgeHarness h(s);
    h.startWith({"jvb1.example.com"});
    h.loop.advance(std::chrono::minutes(5));
    EXPECT_EQ(h.countIqs("example.com"), 0u);
    EXPECT_EQ(h.known(), (Strings{"jvb1.example.com"}));
}

TEST(BridgeDiscovery, ARoundStillRunningIsNotStartedTwice) {
    auto s = BridgeHarness::defaults();
    s.rediscoveryInterval = std::chrono::seconds(2);
    s.discoTimeout = std::chrono::seconds(5);
    BridgeHarness h(s);
    h.registry.start();
    h.loop.advance(std::chrono::seconds(3));  // the timer fired while the first items query is unanswered
    EXPECT_EQ(h.countIqs("example.com"), 1u);
}

TEST(BridgeDiscovery, StopForgetsEveryBridgeSilentlyAndStopsTimers) {
    BridgeHarness h;
    h.startWith({"jvb1.example.com"});
    h.events.events.clear();
    h.registry.stop();
    EXPECT_TRUE(h.known().empty());
    EXPECT_TRUE(h.events.events.empty()) << "losing our own stream is not a bridge failure";
    h.loop.advance(std::chrono::minutes(2));
    EXPECT_TRUE(h.client.sent().empty());
    EXPECT_EQ(h.loop.timerCount(), 0u);
}

TEST(BridgeDiscovery, AnswersToRequestsOfAStoppedRegistryAreIgnored) {
    BridgeHarness h;
    h.registry.start();
    auto items = h.takeIq("example.com");
    h.registry.stop();
    h.registry.start();
    h.reply(items, h.discoItems({"jvb1.example.com"}));  // the old round's answer
    EXPECT_EQ(h.countIqs("jvb1.example.com"), 0u);
    h.answerDiscovery({"jvb2.example.com"}, {"jvb2.example.com"});
    EXPECT_EQ(h.known(), (Strings{"jvb2.example.com"}));
}

TEST(BridgeDiscovery, AllocationFailureIsRecordedOnlyForKnownBridges) {
    BridgeHarness h;
    h.startWith({"jvb1.example.com"});
    h.registry.markFailed(bjid("jvb1.example.com"));
    h.registry.markFailed(bjid("hint.example.com"));
    ASSERT_TRUE(h.registry.find(bjid("jvb1.example.com"))->failedAt);
    EXPECT_EQ(h.registry.find(bjid("hint.example.com")), nullptr);
    h.registry.markOperational(bjid("jvb1.example.com"));
    EXPECT_FALSE(h.registry.find(bjid("jvb1.example.com"))->failedAt);
}
