// Colibri expiries are never lost (issue 10 part 2): kept until the bridge answers, resent when it is
// reachable again, given up only when the bridge says it has nothing left.
#include "logic/bridge/AllocatorHarness.h"
#include "protocol/colibri/ColibriRequests.h"

using namespace jicofo;
using namespace jicofo::test;
using H = AllocatorHarness;
using namespace std::chrono_literals;

namespace {

// The focus user's stream drops (as ClientDispatch::onDisconnected does it) and comes back; the registry
// starts again but has not rediscovered anything yet.
void streamLost(H& h) {
    h.client.setConnected(false);
    h.router.failAll("stream lost");
    h.registry.stop();
    h.loop.runPending();
}
void streamBack(H& h) {
    h.client.setConnected(true);
    h.registry.start();
    h.loop.runPending();
}

}  // namespace

TEST(ColibriExpiry, ExpiresWhileTheStreamIsDownGoOutWhenItIsBackAndTheBridgeIsSeenAgain) {
    H h;
    h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocated("bb22", H::kJvb1, h.jvb1);
    streamLost(h);
    h.colibri->expireAll();  // the conference ends while the focus is cut off
    h.loop.advance(30s);
    EXPECT_EQ(h.expiry.pendingChannels(), 6u);
    streamBack(h);
    h.loop.advance(3s);  // (less than the discovery's own timeout)
    EXPECT_TRUE(h.colibriSets(H::kJvb1).empty()) << "not before the bridge is seen again";
    h.answerDiscovery({H::kJvb1, H::kJvb2}, {H::kJvb1, H::kJvb2});
    EXPECT_EQ(h.serveExpires(H::kJvb1, h.jvb1), 1u);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    EXPECT_EQ(h.expiry.pendingRequests(), 0u);
}

TEST(ColibriExpiry, AnExpireLostWithTheStreamIsResentOnceTheBridgeIsBack) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocated("bb22", H::kJvb1, h.jvb1);
    h.colibri->expire(a);
    ASSERT_EQ(h.colibriSets(H::kJvb1).size(), 1u) << "sent at once";
    streamLost(h);  // before the bridge answered
    streamBack(h);
    h.answerDiscovery({H::kJvb1}, {H::kJvb1});
    EXPECT_EQ(h.serveExpires(H::kJvb1, h.jvb1), 1u);
    EXPECT_EQ(h.jvb1.liveChannels(), 3u) << "aa11's channels are gone, bb22's stay";
    EXPECT_EQ(h.expiry.pendingRequests(), 0u);
}

TEST(ColibriExpiry, AnExpireTheServerBouncesWaitsForTheBridgeToComeBack) {
    auto settings = H::defaults();
    settings.rediscoveryInterval = util::Duration(0);  // the test runs each discovery itself
    H h({H::kJvb1, H::kJvb2}, settings);
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    h.colibri->expire(a);
    // The bridge's component is not connected to the server right now.
    h.fail(h.colibriSets(H::kJvb1).at(0), "service-unavailable");
    EXPECT_EQ(h.expiry.pendingChannels(), 3u);
    // Rediscovery finds it gone, then back.
    h.registry.discover();
    h.answerDiscovery({H::kJvb2}, {H::kJvb2});
    h.loop.advance(5min);
    EXPECT_TRUE(h.colibriSets(H::kJvb1).empty()) << "no retries while the bridge is not listed";
    h.registry.discover();
    h.answerDiscovery({H::kJvb1, H::kJvb2}, {H::kJvb1, H::kJvb2});
    EXPECT_EQ(h.serveExpires(H::kJvb1, h.jvb1), 1u);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
}

TEST(ColibriExpiry, AnUnansweredExpireIsRetriedWhileTheBridgeIsListedAsHealthy) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    h.colibri->expire(a);
    ASSERT_EQ(h.colibriSets(H::kJvb1).size(), 1u);
    h.loop.advance(20s);  // the request times out: the bridge was busy
    h.loop.advance(3s);
    auto again = h.colibriSets(H::kJvb1);
    ASSERT_EQ(again.size(), 1u) << "resent after the backoff";
    h.jvb1.expire(again[0]);
    h.reply(again[0]);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    EXPECT_EQ(h.expiry.pendingRequests(), 0u);
}

TEST(ColibriExpiry, ABridgeThatNoLongerKnowsTheChannelsSettlesTheExpire) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    h.colibri->expire(a);
    // What a restarted 2015 bridge answers for an unknown conference.
    h.fail(h.colibriSets(H::kJvb1).at(0), "feature-not-implemented");
    EXPECT_EQ(h.expiry.pendingRequests(), 0u);
    h.loop.advance(10min);
    EXPECT_TRUE(h.colibriSets(H::kJvb1).empty());
}

TEST(ColibriExpiry, ARefusedExpireOfSeveralParticipantsIsSplitSoTheRestStillGoes) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    auto b = h.allocated("bb22", H::kJvb1, h.jvb1);
    // The bridge's own idle expiry took aa11's channels; it stops at the first id it does not know.
    h.jvb1.expire(
        protocol::Iq::request(protocol::IqType::Set, bjid(H::kJvb1),
                              protocol::colibri::buildExpire("j1-conf1", "r1", {a.channels})->toElement()));
    h.colibri->expireAll();
    h.fail(h.colibriSets(H::kJvb1).at(0), "feature-not-implemented");
    auto sets = h.colibriSets(H::kJvb1);
    ASSERT_EQ(sets.size(), 2u);
    EXPECT_EQ(*sets[0].payload, protocol::colibri::buildExpire("j1-conf1", "r1", {a.channels})->toElement());
    EXPECT_EQ(*sets[1].payload, protocol::colibri::buildExpire("j1-conf1", "r1", {b.channels})->toElement());
    h.fail(sets[0], "feature-not-implemented");
    h.jvb1.expire(sets[1]);
    h.reply(sets[1]);
    EXPECT_EQ(h.expiry.pendingRequests(), 0u);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
}

TEST(ColibriExpiry, AnExpireNeverAnsweredIsGivenUpAfterAnHour) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    streamLost(h);
    h.colibri->expire(a);
    h.loop.advance(59min);
    EXPECT_EQ(h.expiry.pendingRequests(), 1u);
    h.loop.advance(2min);
    EXPECT_EQ(h.expiry.pendingRequests(), 0u);
}
