// Modern bridge discovery in the brewery MUC (docs/media.md §1.5): join, bridges from presences with stats,
// updates, leaves, health checks, presence-based health, selection through the brewery.
#include <gtest/gtest.h>

#include "bridge/Brewery.h"
#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/stanza/Namespaces.h"
#include "support/FakeChannel.h"
#include "support/ManualLoop.h"

using namespace jicofo;
using namespace std::chrono_literals;
using protocol::colibri2::BreweryStats;

namespace {

const util::Jid kFocus = *util::Jid::parse("focus@auth.example.com/focus1");
const util::Jid kRoom = *util::Jid::parse("jvbbrewery@internal.auth.example.com");

struct Recorder : bridge::BridgeListener {
    std::vector<std::string> events;
    void onBridgeUp(const util::Jid& b) override { events.push_back("up " + b.resource()); }
    void onBridgeDown(const util::Jid& b) override { events.push_back("down " + b.resource()); }
};

class BreweryTest : public ::testing::Test {
  protected:
    explicit BreweryTest(bridge::BrewerySettings s = settings()) : brewery_(loop_, channel_, router_, s) {
        brewery_.addListener(&events_);
    }
    ~BreweryTest() override { brewery_.removeListener(&events_); }
    static bridge::BrewerySettings settings() {
        bridge::BrewerySettings s;
        s.room = kRoom;
        return s;
    }
    util::Jid occupant(const std::string& nick) { return kRoom.withResource(nick); }

    void startAndJoin() {
        brewery_.start();
        auto join = channel_.take("presence");
        ASSERT_TRUE(join);
        EXPECT_EQ(protocol::toOf(*join), occupant("focus"));
        EXPECT_NE(join->child("x", protocol::ns::kMuc), nullptr);
        presence("focus", {}, "", true);
        EXPECT_TRUE(brewery_.joined());
    }
    // A presence from an occupant of the brewery, with stats when given.
    void presence(const std::string& nick, std::optional<BreweryStats> stats, const std::string& type = {},
                  bool self = false) {
        xml::Element p = protocol::makePresence(kFocus, type);
        p.setAttr("from", occupant(nick).str());
        auto& x = p.addChild("x", protocol::ns::kMucUser);
        x.addChild("item").setAttr("affiliation", "none").setAttr("role", "participant");
        if (self) x.addChild("status").setAttr("code", "110");
        if (stats) p.children().push_back(stats->toElement());
        EXPECT_TRUE(brewery_.handlePresence(p));
    }
    static BreweryStats stats(double stress, const std::string& region = {}, bool drain = false) {
        BreweryStats s;
        s.stressLevel = stress;
        s.region = region;
        s.drain = drain;
        s.healthy = true;
        return s;
    }
    // Answers the pending healthcheck to that bridge with a result or an error condition ("" = no answer).
    void answerHealth(const std::string& nick, const std::string& condition) {
        auto iq = channel_.take("iq", "healthcheck", protocol::colibri2::ns::kHealthCheck);
        ASSERT_TRUE(iq) << "no healthcheck sent";
        auto parsed = protocol::Iq::parse(*iq);
        ASSERT_TRUE(parsed);
        EXPECT_EQ(parsed->to, occupant(nick));
        protocol::Iq reply =
            condition.empty() ? parsed->result() : parsed->errorReply(protocol::StanzaError::of(condition));
        reply.from = occupant(nick);
        router_.handle(reply.toElement());
        loop_.runPending();
    }

    test::ManualLoop loop_;
    test::FakeChannel channel_{kFocus};
    xmpp::IqRouter router_{channel_, loop_};
    bridge::Brewery brewery_;
    Recorder events_;
};

TEST_F(BreweryTest, OccupantsWithStatsAreBridgesUpdatedAndRemoved) {
    startAndJoin();
    presence("jvb1", stats(0.2, "eu"));
    presence("jibri", std::nullopt);  // no stats: not a bridge
    presence("jvb2", stats(0.1, "us"));
    EXPECT_EQ(events_.events, (std::vector<std::string>{"up jvb1", "up jvb2"}));
    ASSERT_EQ(brewery_.bridges().size(), 2u);
    EXPECT_EQ(brewery_.find(occupant("jvb1"))->region(), "eu");
    EXPECT_EQ(brewery_.select(std::nullopt, ""), occupant("jvb2"));
    EXPECT_EQ(brewery_.select(std::nullopt, "eu"), occupant("jvb1"));

    presence("jvb2", stats(0.9, "us"));  // an update: no event, new load
    EXPECT_EQ(events_.events.size(), 2u);
    EXPECT_EQ(brewery_.select(std::nullopt, ""), occupant("jvb1"));

    presence("jvb1", std::nullopt, "unavailable");
    EXPECT_EQ(events_.events.back(), "down jvb1");
    EXPECT_EQ(brewery_.find(occupant("jvb1")), nullptr);
    presence("jibri", std::nullopt, "unavailable");  // never a bridge: nothing
    EXPECT_EQ(events_.events.size(), 3u);
}

TEST_F(BreweryTest, MalformedStatsAreIgnored) {
    startAndJoin();
    xml::Element p = protocol::makePresence(kFocus);
    p.setAttr("from", occupant("jvb1").str());
    auto& s = p.addChild("stats", "http://jitsi.org/protocol/colibri");
    s.addChild("stat").setAttr("name", "stress_level").setAttr("value", "lots");
    EXPECT_TRUE(brewery_.handlePresence(p));
    EXPECT_TRUE(brewery_.bridges().empty());
}

TEST_F(BreweryTest, PresencesOfOtherRoomsAreLeftAlone) {
    startAndJoin();
    xml::Element p = protocol::makePresence(kFocus);
    p.setAttr("from", "r1@conference.example.com/alice");
    EXPECT_FALSE(brewery_.handlePresence(p));
}

TEST_F(BreweryTest, EndpointsAddedRaiseTheCorrectedStress) {
    startAndJoin();
    presence("jvb1", stats(0.10));
    presence("jvb2", stats(0.12));
    for (int i = 0; i < 3; ++i) brewery_.endpointAdded(occupant("jvb1"));
    EXPECT_EQ(brewery_.find(occupant("jvb1"))->endpoints, 3);
    EXPECT_EQ(brewery_.select(std::nullopt, ""), occupant("jvb2"));
    loop_.advance(20s);
    EXPECT_EQ(brewery_.select(std::nullopt, ""), occupant("jvb1"));
}

TEST_F(BreweryTest, FailedHealthCheckTakesTheBridgeDownAndAGoodOneBringsItBack) {
    startAndJoin();
    presence("jvb1", stats(0.1));
    loop_.advance(10s);
    answerHealth("jvb1", "internal-server-error");
    EXPECT_EQ(events_.events.back(), "down jvb1");
    EXPECT_FALSE(brewery_.find(occupant("jvb1"))->healthy);
    EXPECT_EQ(brewery_.select(std::nullopt, ""), std::nullopt);
    loop_.advance(10s);
    answerHealth("jvb1", "");
    EXPECT_EQ(events_.events.back(), "up jvb1");
    // Healthy again, but the failure (at 10 s) stays sticky for the failure reset threshold (60 s).
    EXPECT_EQ(brewery_.select(std::nullopt, ""), std::nullopt);
    const bridge::BreweryBridge* b = brewery_.find(occupant("jvb1"));
    EXPECT_FALSE(brewery_.selector().isOperational(*b, loop_.now() + 49s));
    EXPECT_TRUE(brewery_.selector().isOperational(*b, loop_.now() + 50s));
}

TEST_F(BreweryTest, HealthCheckTimeoutsAreRetriedOnceThenOnlyMakeTheBridgeNonOperational) {
    startAndJoin();
    presence("jvb1", stats(0.1));
    loop_.advance(10s);
    ASSERT_TRUE(channel_.take("iq", "healthcheck"));
    loop_.advance(10s);  // timeout
    loop_.advance(5s);   // retry delay
    ASSERT_TRUE(channel_.take("iq", "healthcheck"));
    EXPECT_EQ(events_.events, (std::vector<std::string>{"up jvb1"}));
    loop_.advance(10s);                                                // second timeout
    EXPECT_EQ(events_.events, (std::vector<std::string>{"up jvb1"}));  // nobody is moved
    EXPECT_TRUE(brewery_.find(occupant("jvb1"))->failedAt);
    EXPECT_EQ(brewery_.select(std::nullopt, ""), std::nullopt);
}

TEST_F(BreweryTest, RefusedJoinIsRetriedAndLosingTheRoomForgetsTheBridges) {
    brewery_.start();
    ASSERT_TRUE(channel_.take("presence"));
    xml::Element err = protocol::makePresence(kFocus, "error");
    err.setAttr("from", occupant("focus").str());
    err.children().push_back(protocol::StanzaError::of("conflict").toElement());
    EXPECT_TRUE(brewery_.handlePresence(err));
    EXPECT_FALSE(brewery_.joined());
    loop_.advance(5s);
    ASSERT_TRUE(channel_.take("presence"));
    presence("focus", {}, "", true);
    presence("jvb1", stats(0.1));
    presence("focus", {}, "unavailable", true);  // kicked or the room destroyed
    EXPECT_FALSE(brewery_.joined());
    EXPECT_TRUE(brewery_.bridges().empty());
    loop_.advance(5s);
    EXPECT_TRUE(channel_.take("presence"));
}

TEST_F(BreweryTest, StopForgetsWithoutDownEvents) {
    startAndJoin();
    presence("jvb1", stats(0.1));
    brewery_.stop();
    EXPECT_TRUE(brewery_.bridges().empty());
    EXPECT_EQ(events_.events, (std::vector<std::string>{"up jvb1"}));
    EXPECT_EQ(loop_.timerCount(), 0u);
}

class BreweryPresenceHealthTest : public BreweryTest {
  protected:
    BreweryPresenceHealthTest() : BreweryTest(presenceSettings()) {}
    static bridge::BrewerySettings presenceSettings() {
        bridge::BrewerySettings s = settings();
        s.usePresence = true;
        return s;
    }
};

TEST_F(BreweryPresenceHealthTest, HealthyStatAndPresenceTimeoutDecide) {
    startAndJoin();
    presence("jvb1", stats(0.1));
    BreweryStats sick = stats(0.1);
    sick.healthy = false;
    presence("jvb1", sick);
    EXPECT_EQ(events_.events.back(), "down jvb1");
    presence("jvb1", stats(0.1));
    EXPECT_EQ(events_.events.back(), "up jvb1");
    EXPECT_FALSE(channel_.take("iq", "healthcheck"));  // no IQs in this mode
    loop_.advance(50s);                                // silent for longer than 45 s
    EXPECT_EQ(events_.events.back(), "down jvb1");
}

}  // namespace
