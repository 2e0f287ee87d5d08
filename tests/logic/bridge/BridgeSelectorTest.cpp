// The prioritized bridge list (docs/media.md §1.3, §1.4) with the fixes issue 4 part 2 asks for.
#include <gtest/gtest.h>

#include "bridge/BridgeSelector.h"

using namespace jicofo;
using namespace std::chrono_literals;
using bridge::BridgeSelector;
using bridge::BridgeState;
using Strings = std::vector<std::string>;

namespace {
const util::TimePoint kNow = util::TimePoint{} + 1h;

BridgeState bridgeNamed(const std::string& jid, std::optional<int64_t> videostreams = std::nullopt) {
    BridgeState b;
    b.jid = *util::Jid::parse(jid);
    b.viaDisco = true;
    b.videostreams = videostreams;
    return b;
}

Strings names(const std::vector<util::Jid>& jids) {
    Strings out;
    for (const auto& j : jids) out.push_back(j.str());
    return out;
}

std::optional<util::Jid> hint(const std::string& jid) {
    return util::Jid::parse(jid);
}
}  // namespace

TEST(BridgeSelector, LeastVideostreamsFirstAndUnknownLoadLast) {
    BridgeSelector s(5min);
    auto order = s.order(
        {bridgeNamed("a.example.com"), bridgeNamed("b.example.com", 40), bridgeNamed("c.example.com", 3)},
        std::nullopt, kNow);
    EXPECT_EQ(names(order), (Strings{"c.example.com", "b.example.com", "a.example.com"}));
}

TEST(BridgeSelector, TiesAreBrokenByJidWhateverTheInputOrder) {
    BridgeSelector s(5min);
    auto one = s.order(
        {bridgeNamed("z.example.com", 1), bridgeNamed("m.example.com", 1), bridgeNamed("a.example.com", 1)},
        std::nullopt, kNow);
    auto two = s.order(
        {bridgeNamed("a.example.com", 1), bridgeNamed("z.example.com", 1), bridgeNamed("m.example.com", 1)},
        std::nullopt, kNow);
    EXPECT_EQ(names(one), (Strings{"a.example.com", "m.example.com", "z.example.com"}));
    EXPECT_EQ(names(one), names(two));
}

TEST(BridgeSelector, AFailedBridgeGoesLastEvenWhenLeastLoaded) {
    BridgeSelector s(5min);
    auto failed = bridgeNamed("a.example.com", 0);
    failed.failedAt = kNow - 1min;
    auto order =
        s.order({failed, bridgeNamed("b.example.com", 90), bridgeNamed("c.example.com")}, std::nullopt, kNow);
    EXPECT_EQ(names(order), (Strings{"b.example.com", "c.example.com", "a.example.com"}));
}

TEST(BridgeSelector, AnUnhealthyBridgeGoesLast) {
    BridgeSelector s(5min);
    auto sick = bridgeNamed("a.example.com", 0);
    sick.healthy = false;
    auto order = s.order({sick, bridgeNamed("b.example.com", 90)}, std::nullopt, kNow);
    EXPECT_EQ(names(order), (Strings{"b.example.com", "a.example.com"}));
    EXPECT_FALSE(s.isOperational(sick, kNow + 1h)) << "only a good health check brings it back";
}

TEST(BridgeSelector, AFailedBridgeIsEligibleAgainAfterTheResetThreshold) {
    BridgeSelector s(5min);
    auto failed = bridgeNamed("a.example.com", 0);
    failed.failedAt = kNow;
    std::vector<BridgeState> bridges{failed, bridgeNamed("b.example.com", 50)};
    EXPECT_EQ(names(s.order(bridges, std::nullopt, kNow + 5min)),
              (Strings{"b.example.com", "a.example.com"}));
    EXPECT_EQ(names(s.order(bridges, std::nullopt, kNow + 5min + 1ms)),
              (Strings{"a.example.com", "b.example.com"}));
}

TEST(BridgeSelector, WithAZeroThresholdAFailedBridgeIsEligibleOneTickLater) {
    BridgeSelector s(0ms);  // the 2015 value without BRIDGE_PUBSUB_MAPPING
    auto failed = bridgeNamed("a.example.com");
    failed.failedAt = kNow;
    EXPECT_FALSE(s.isOperational(failed, kNow)) << "still failed within the same allocation attempt";
    EXPECT_TRUE(s.isOperational(failed, kNow + 1ms));
}

TEST(BridgeSelector, HintComesLastWhileAnyDiscoveredBridgeIsOperational) {
    BridgeSelector s(5min);
    auto order = s.order({bridgeNamed("a.example.com", 9)}, hint("pre.example.com"), kNow);
    EXPECT_EQ(names(order), (Strings{"a.example.com", "pre.example.com"}));
}

TEST(BridgeSelector, HintComesFirstWhenEveryDiscoveredBridgeIsDown) {
    BridgeSelector s(5min);
    auto failed = bridgeNamed("a.example.com");
    failed.failedAt = kNow;
    EXPECT_EQ(names(s.order({failed}, hint("pre.example.com"), kNow)),
              (Strings{"pre.example.com", "a.example.com"}));
    EXPECT_EQ(names(s.order({}, hint("pre.example.com"), kNow)), (Strings{"pre.example.com"}));
}

TEST(BridgeSelector, ADiscoveredHintIsRankedLikeAnyOtherBridge) {
    BridgeSelector s(5min);
    auto order = s.order({bridgeNamed("a.example.com", 1), bridgeNamed("pre.example.com", 9)},
                         hint("pre.example.com"), kNow);
    EXPECT_EQ(names(order), (Strings{"a.example.com", "pre.example.com"}));
}

TEST(BridgeSelector, TheHintOfOneCallDoesNotLeakIntoTheNext) {
    BridgeSelector s(5min);
    std::vector<BridgeState> bridges{bridgeNamed("a.example.com")};
    EXPECT_EQ(names(s.order(bridges, hint("room1-bridge.example.com"), kNow)),
              (Strings{"a.example.com", "room1-bridge.example.com"}));
    EXPECT_EQ(names(s.order(bridges, std::nullopt, kNow)), (Strings{"a.example.com"}));
    EXPECT_EQ(names(s.order(bridges, hint("room2-bridge.example.com"), kNow)),
              (Strings{"a.example.com", "room2-bridge.example.com"}));
}

TEST(BridgeSelector, NoBridgesAndNoHintGiveAnEmptyList) {
    BridgeSelector s(5min);
    EXPECT_TRUE(s.order({}, std::nullopt, kNow).empty());
}
