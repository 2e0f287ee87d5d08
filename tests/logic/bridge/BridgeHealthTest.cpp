// Bridge health checks (new since 2015, issue 4 part 2): a disco#info round trip on an interval.
#include "logic/bridge/BridgeHarness.h"

using namespace jicofo;
using namespace jicofo::test;
using Strings = std::vector<std::string>;

namespace {
struct Health : BridgeHarness {
    static bridge::BridgeRegistrySettings settings() {
        auto s = defaults();
        s.healthCheckInterval = std::chrono::seconds(10);
        s.discoTimeout = std::chrono::seconds(5);
        s.rediscoveryInterval = std::chrono::minutes(10);  // out of the way
        return s;
    }
    explicit Health(const Strings& bridges = {"jvb1.example.com"}) : BridgeHarness(settings()) {
        startWith(bridges);
        events.events.clear();
    }
};
}  // namespace

TEST(BridgeHealth, EveryBridgeIsAskedOnTheInterval) {
    Health h({"jvb1.example.com", "jvb2.example.com"});
    h.loop.advance(std::chrono::seconds(10));
    auto q1 = h.takeIqs("jvb1.example.com", "query", protocol::ns::kDiscoInfo);
    auto q2 = h.takeIqs("jvb2.example.com", "query", protocol::ns::kDiscoInfo);
    EXPECT_EQ(q1.size(), 1u);
    EXPECT_EQ(q2.size(), 1u);
}

TEST(BridgeHealth, ASilentBridgeIsMarkedDownAndListenersHear) {
    Health h({"jvb1.example.com", "jvb2.example.com"});
    h.loop.advance(std::chrono::seconds(10));
    h.reply(h.takeIq("jvb1.example.com"), h.discoInfo(true));
    h.loop.advance(std::chrono::seconds(5));  // jvb2 silent
    EXPECT_EQ(h.events.events, (Strings{"down jvb2.example.com"}));
    EXPECT_FALSE(h.registry.find(bjid("jvb2.example.com"))->healthy);
    EXPECT_TRUE(h.registry.find(bjid("jvb1.example.com"))->healthy);
}

TEST(BridgeHealth, AnErrorAnswerMarksTheBridgeDown) {
    Health h;
    h.loop.advance(std::chrono::seconds(10));
    h.fail(h.takeIq("jvb1.example.com"), "service-unavailable");  // component disconnected from Prosody
    EXPECT_EQ(h.events.events, (Strings{"down jvb1.example.com"}));
}

TEST(BridgeHealth, AnAnswerWithoutTheBridgeFeaturesMarksItDown) {
    Health h;
    h.loop.advance(std::chrono::seconds(10));
    h.reply(h.takeIq("jvb1.example.com"), h.discoInfo(false));
    EXPECT_EQ(h.events.events, (Strings{"down jvb1.example.com"}));
}

TEST(BridgeHealth, ADownBridgeThatAnswersAgainComesBackUpOnce) {
    Health h;
    h.loop.advance(std::chrono::seconds(10));
    h.fail(h.takeIq("jvb1.example.com"), "service-unavailable");
    h.loop.advance(std::chrono::seconds(10));
    h.fail(h.takeIq("jvb1.example.com"), "service-unavailable");  // still down: no second event
    h.loop.advance(std::chrono::seconds(10));
    h.reply(h.takeIq("jvb1.example.com"), h.discoInfo(true));
    EXPECT_EQ(h.events.events, (Strings{"down jvb1.example.com", "up jvb1.example.com"}));
    EXPECT_TRUE(h.registry.find(bjid("jvb1.example.com"))->healthy);
}

TEST(BridgeHealth, ACheckStillRunningIsNotDuplicated) {
    auto s = Health::settings();
    s.healthCheckInterval = std::chrono::seconds(2);
    s.discoTimeout = std::chrono::seconds(5);
    BridgeHarness h(s);
    h.startWith({"jvb1.example.com"});
    h.loop.advance(std::chrono::seconds(4));  // two ticks, the first check unanswered
    EXPECT_EQ(h.takeIqs("jvb1.example.com").size(), 1u);
}

TEST(BridgeHealth, NoChecksWhenTheIntervalIsZero) {
    BridgeHarness h;  // defaults: health checks off
    h.startWith({"jvb1.example.com"});
    h.loop.advance(std::chrono::seconds(29));
    EXPECT_EQ(h.countIqs("jvb1.example.com"), 0u);
}

TEST(BridgeHealth, AnUnhealthyBridgeRemovedByRediscoveryIsNotReportedDownTwice) {
    Health h({"jvb1.example.com", "jvb2.example.com"});
    h.loop.advance(std::chrono::seconds(10));
    h.fail(h.takeIq("jvb1.example.com"), "service-unavailable");
    h.reply(h.takeIq("jvb2.example.com"), h.discoInfo(true));
    h.registry.discover();
    h.answerDiscovery({"jvb2.example.com"}, {"jvb2.example.com"});
    EXPECT_EQ(h.known(), (Strings{"jvb2.example.com"}));
    EXPECT_EQ(h.events.events, (Strings{"down jvb1.example.com"}));
}
