// Selection among the brewery's bridges (docs/media.md §1.5): operational first, shutting down never,
// draining and graceful shutdown only when nothing else is left, corrected stress, the participant's region,
// one bridge per conference.
#include <gtest/gtest.h>

#include "bridge/BrewerySelector.h"

using namespace jicofo;
using namespace std::chrono_literals;
using bridge::BreweryBridge;
using bridge::BrewerySelector;

namespace {

const util::TimePoint kNow = util::TimePoint{} + 1h;

BreweryBridge bridgeAt(const std::string& nick, double stress, const std::string& region = {}) {
    BreweryBridge b;
    b.jid = *util::Jid::parse("jvbbrewery@internal.auth.example.com/" + nick);
    b.stats.stressLevel = stress;
    b.stats.drain = false;
    b.stats.region = region;
    return b;
}

std::string pick(const BrewerySelector& s, const std::vector<BreweryBridge>& bridges,
                 const std::string& region = {}, std::optional<util::Jid> conferenceBridge = std::nullopt) {
    auto chosen = s.select(bridges, conferenceBridge, region, kNow);
    return chosen ? chosen->resource() : "none";
}

BrewerySelector selector() {
    return BrewerySelector(bridge::BrewerySelection{});
}

TEST(BrewerySelector, LeastStressedFirst) {
    EXPECT_EQ(pick(selector(), {bridgeAt("a", 0.5), bridgeAt("b", 0.1), bridgeAt("c", 0.3)}), "b");
}

TEST(BrewerySelector, RecentlyAddedEndpointsCorrectTheStress) {
    BreweryBridge busy = bridgeAt("a", 0.10);
    for (int i = 0; i < 5; ++i) busy.recentEndpoints.push_back(kNow - 5s);  // 5 × 0.01 = 0.05
    BrewerySelector s = selector();
    EXPECT_DOUBLE_EQ(s.correctedStress(busy, kNow), 0.15);
    EXPECT_EQ(pick(s, {busy, bridgeAt("b", 0.12)}), "b");
    // After the rampup interval the additions no longer count.
    EXPECT_DOUBLE_EQ(s.correctedStress(busy, kNow + 20s), 0.10);
    // A bridge that reports its own per-participant stress is believed.
    busy.stats.averageParticipantStress = 0.1;
    EXPECT_DOUBLE_EQ(s.correctedStress(busy, kNow), 0.6);
}

TEST(BrewerySelector, OverloadedAtTheThreshold) {
    BrewerySelector s = selector();
    EXPECT_FALSE(s.overloaded(bridgeAt("a", 0.79), kNow));
    EXPECT_TRUE(s.overloaded(bridgeAt("a", 0.8), kNow));
}

TEST(BrewerySelector, ParticipantRegionPreferredOverLoad) {
    std::vector<BreweryBridge> bridges = {bridgeAt("us", 0.1, "us-east"), bridgeAt("eu", 0.6, "eu-west"),
                                          bridgeAt("eu2", 0.4, "eu-west")};
    EXPECT_EQ(pick(selector(), bridges, "eu-west"), "eu2");
    EXPECT_EQ(pick(selector(), bridges, "ap-south"), "us");  // nobody there: least loaded of all
    EXPECT_EQ(pick(selector(), bridges), "us");
}

TEST(BrewerySelector, DrainingAndGracefulShutdownOnlyAsLastResort) {
    BreweryBridge draining = bridgeAt("d", 0.0);
    draining.stats.drain = true;
    BreweryBridge leaving = bridgeAt("g", 0.0);
    leaving.stats.gracefulShutdown = true;
    EXPECT_EQ(pick(selector(), {draining, leaving, bridgeAt("busy", 0.9)}), "busy");
    EXPECT_EQ(pick(selector(), {draining, leaving}), "g");  // not draining beats not in graceful shutdown
    EXPECT_EQ(pick(selector(), {draining}), "d");
    // A bridge whose stats never said drain=false counts as draining (jicofo's default).
    BreweryBridge unknown = bridgeAt("u", 0.0);
    unknown.stats.drain.reset();
    EXPECT_EQ(pick(selector(), {unknown, bridgeAt("b", 0.5)}), "b");
}

TEST(BrewerySelector, ShuttingDownAndNonOperationalNeverChosen) {
    BreweryBridge down = bridgeAt("s", 0.0);
    down.stats.shuttingDown = true;
    BreweryBridge sick = bridgeAt("h", 0.0);
    sick.healthy = false;
    BreweryBridge failed = bridgeAt("f", 0.0);
    failed.failedAt = kNow - 30s;
    EXPECT_EQ(pick(selector(), {down, sick, failed}), "none");
    EXPECT_EQ(pick(selector(), {down, sick, failed, bridgeAt("ok", 0.95)}), "ok");
    failed.failedAt = kNow - 60s;  // the failure reset threshold has passed
    EXPECT_EQ(pick(selector(), {down, sick, failed, bridgeAt("ok", 0.95)}), "f");
}

TEST(BrewerySelector, AConferenceKeepsItsBridge) {
    std::vector<BreweryBridge> bridges = {bridgeAt("a", 0.9), bridgeAt("b", 0.1)};
    EXPECT_EQ(pick(selector(), bridges, {}, bridges[0].jid), "a");
    bridges[0].healthy = false;  // its bridge is not operational: nothing (the conference must move)
    EXPECT_EQ(pick(selector(), bridges, {}, bridges[0].jid), "none");
    EXPECT_EQ(pick(selector(), bridges, {}, *util::Jid::parse("jvbbrewery@internal.auth.example.com/gone")),
              "none");
}

TEST(BrewerySelector, PriorityOrderThenStressThenJid) {
    BreweryBridge leaving = bridgeAt("g", 0.0);
    leaving.stats.gracefulShutdown = true;
    BreweryBridge sick = bridgeAt("h", 0.0);
    sick.healthy = false;
    auto order = selector().prioritized(
        {sick, leaving, bridgeAt("z", 0.2), bridgeAt("y", 0.2), bridgeAt("x", 0.5)}, kNow);
    std::vector<std::string> nicks;
    for (const auto& j : order) nicks.push_back(j.resource());
    EXPECT_EQ(nicks, (std::vector<std::string>{"y", "z", "x", "g", "h"}));
}

}  // namespace
