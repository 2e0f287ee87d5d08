// Channels after allocation (docs/media.md §2.4, §2.5, §5.2): cancel, update, expire, conference end, bridge
// loss.
#include "logic/bridge/AllocatorHarness.h"
#include "media/ColibriUpdates.h"
#include "protocol/colibri/ColibriRequests.h"

using namespace jicofo;
using namespace jicofo::test;
using H = AllocatorHarness;
using Strings = std::vector<std::string>;

TEST(ColibriLifecycle, CancelMidAllocationExpiresTheLateAnswerAndNeverCallsBack) {
    H h;
    auto handle = h.allocate("aa11");
    auto req = h.allocateRequest(H::kJvb1);
    h.colibri->cancel(handle);
    h.answer(h.jvb1, req);
    EXPECT_FALSE(h.outcomes.count("aa11"));
    EXPECT_EQ(h.serveExpires(H::kJvb1, h.jvb1), 1u);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    EXPECT_TRUE(h.colibri->endpointsOn(bjid(H::kJvb1)).empty());
    EXPECT_EQ(h.colibri->pendingCount(), 0u);
}

TEST(ColibriLifecycle, CancelWhileWaitingForTheIdSendsNothingForIt) {
    H h;
    h.allocate("aa11");
    auto waiting = h.allocate("bb22");
    h.colibri->cancel(waiting);
    h.answer(h.jvb1, h.allocateRequest(H::kJvb1));
    EXPECT_TRUE(h.allocateRequests(H::kJvb1).empty());
    EXPECT_TRUE(h.outcomes.at("aa11").ok());
    EXPECT_FALSE(h.outcomes.count("bb22"));
}

TEST(ColibriLifecycle, ACancelledCreatorStillGivesTheOthersTheirConference) {
    H h;
    auto creator = h.allocate("aa11");
    h.allocate("bb22");
    auto req = h.allocateRequest(H::kJvb1);
    h.colibri->cancel(creator);
    h.answer(h.jvb1, req);
    EXPECT_EQ(h.serveExpires(H::kJvb1, h.jvb1), 1u) << "aa11's channels go back at once";
    auto second = h.allocateRequest(H::kJvb1);
    EXPECT_EQ(H::conferenceIdOf(second), "j1-conf1");
    h.answer(h.jvb1, second);
    EXPECT_TRUE(h.outcomes.at("bb22").ok());
    EXPECT_EQ(h.jvb1.liveChannels(), 3u) << "only bb22's audio, video and data";
}

TEST(ColibriLifecycle, CancelAfterTheAnswerButBeforeTheCallbackExpiresTheChannels) {
    H h;
    auto handle = h.allocate("aa11");
    auto req = h.allocateRequest(H::kJvb1);
    protocol::Iq res = req.result(h.jvb1.allocate(req));
    res.from = req.to;
    res.to = h.client.localJid();
    h.router.handle(res.toElement());  // answered; the callback is queued on the loop
    h.colibri->cancel(handle);
    h.loop.runPending();
    EXPECT_FALSE(h.outcomes.count("aa11"));
    h.serveExpires(H::kJvb1, h.jvb1);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
}

TEST(ColibriLifecycle, UpdateGoesToTheAllocationsBridgeWithTheConferenceId) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    auto payload = *protocol::colibri::buildAudioMute(a.channels, "r1", true);
    payload.id.clear();  // the allocator writes the room's id whatever the caller left there
    std::optional<util::Result<protocol::Iq, protocol::StanzaError>> reply;
    h.colibri->update(a, payload, [&](const auto& r) { reply = r; });
    EXPECT_TRUE(h.colibriSets(H::kJvb2).empty());
    auto sets = h.colibriSets(H::kJvb1);
    ASSERT_EQ(sets.size(), 1u);
    EXPECT_EQ(H::conferenceIdOf(sets[0]), "j1-conf1");
    payload.id = "j1-conf1";
    EXPECT_EQ(*sets[0].payload, payload.toElement());
    h.reply(sets[0]);
    ASSERT_TRUE(reply);
    EXPECT_TRUE(reply->ok());
}

TEST(ColibriLifecycle, AnUpdateRefusedByTheBridgeDoesNotMarkItFailed) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    std::optional<util::Result<protocol::Iq, protocol::StanzaError>> reply;
    h.colibri->update(a, media::buildSourcesUpdate(a.channels, {}), [&](const auto& r) { reply = r; });
    h.fail(h.colibriSets(H::kJvb1).at(0), "feature-not-implemented");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->error().condition, "feature-not-implemented");
    EXPECT_FALSE(h.registry.find(bjid(H::kJvb1))->failedAt);
    EXPECT_EQ(h.colibri->endpointsOn(bjid(H::kJvb1)), (Strings{"aa11"}));
}

TEST(ColibriLifecycle, AnUpdateOfExpiredChannelsSendsNothing) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocated("bb22", H::kJvb1, h.jvb1);
    h.colibri->expire(a);
    h.serveExpires(H::kJvb1, h.jvb1);
    std::optional<util::Result<protocol::Iq, protocol::StanzaError>> reply;
    h.colibri->update(a, media::buildSourcesUpdate(a.channels, {}), [&](const auto& r) { reply = r; });
    EXPECT_TRUE(h.colibriSets(H::kJvb1).empty());
    h.loop.runPending();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->error().condition, "item-not-found");
}

TEST(ColibriLifecycle, ExpireSendsTheParticipantsChannelsOnceAndForgetsThem) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocated("bb22", H::kJvb1, h.jvb1);
    h.colibri->expire(a);
    auto sets = h.colibriSets(H::kJvb1);
    ASSERT_EQ(sets.size(), 1u);
    EXPECT_EQ(*sets[0].payload, protocol::colibri::buildExpire("j1-conf1", "r1", {a.channels})->toElement());
    h.colibri->expire(a);  // twice: nothing more
    EXPECT_TRUE(h.colibriSets(H::kJvb1).empty());
    EXPECT_EQ(h.colibri->endpointsOn(bjid(H::kJvb1)), (Strings{"bb22"}));
}

TEST(ColibriLifecycle, AfterTheLastExpireTheNextAllocationCreatesANewConference) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    h.colibri->expire(a);
    h.serveExpires(H::kJvb1, h.jvb1);
    EXPECT_EQ(h.colibri->conferenceId(bjid(H::kJvb1)), "");
    h.allocate("bb22");
    EXPECT_FALSE(h.allocateRequest(H::kJvb1).payload->hasAttr("id"))
        << "the bridge drops an empty conference; its id would be refused later";
}

TEST(ColibriLifecycle, ExpireAllSendsOneExpireWithEveryChannelOfTheRoom) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    auto b = h.allocated("bb22", H::kJvb1, h.jvb1);
    h.colibri->expireAll();
    auto sets = h.colibriSets(H::kJvb1);
    ASSERT_EQ(sets.size(), 1u);
    EXPECT_EQ(*sets[0].payload,
              protocol::colibri::buildExpire("j1-conf1", "r1", {a.channels, b.channels})->toElement());
    h.jvb1.expire(sets[0]);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    EXPECT_TRUE(h.colibri->bridgesInUse().empty());
}

TEST(ColibriLifecycle, ExpireAllAlsoReturnsChannelsOfAllocationsStillInFlight) {
    H h;
    h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocate("bb22");
    auto pending = h.allocateRequest(H::kJvb1);
    h.colibri->expireAll();
    h.serveExpires(H::kJvb1, h.jvb1);
    h.answer(h.jvb1, pending);  // the late answer
    h.serveExpires(H::kJvb1, h.jvb1);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    EXPECT_FALSE(h.outcomes.count("bb22"));
}

TEST(ColibriLifecycle, ABridgeThatFailsItsHealthCheckTakesItsParticipantsWithIt) {
    auto s = BridgeHarness::defaults();
    s.healthCheckInterval = std::chrono::seconds(10);
    s.rediscoveryInterval = std::chrono::minutes(10);
    H h({H::kJvb1, H::kJvb2}, s);
    h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocated("bb22", H::kJvb1, h.jvb1);
    h.loop.advance(std::chrono::seconds(10));
    h.reply(h.takeIq(H::kJvb2, "query"), h.discoInfo(true));
    h.loop.advance(std::chrono::seconds(5));  // jvb1 silent
    ASSERT_EQ(h.listener.lost.size(), 1u);
    EXPECT_EQ(h.listener.lost[0].first, H::kJvb1);
    EXPECT_EQ(h.listener.lost[0].second, (Strings{"aa11", "bb22"}));
    EXPECT_TRUE(h.colibri->bridgesInUse().empty());
    h.allocate("aa11");  // re-invited: jvb1 is down, jvb2 takes the room
    EXPECT_EQ(h.allocateRequests(H::kJvb2).size(), 1u);
    EXPECT_TRUE(h.allocateRequests(H::kJvb1).empty());
}

TEST(ColibriLifecycle, AnAllocationInFlightOnABridgeThatGoesDownMovesOnAtOnce) {
    H h;
    h.allocate("aa11");
    auto stale = h.allocateRequest(H::kJvb1);
    h.registry.discover();
    h.answerDiscovery({H::kJvb2}, {H::kJvb2});  // jvb1 vanished from the domain
    auto next = h.allocateRequest(H::kJvb2);
    h.answer(h.jvb2, next);
    EXPECT_EQ(h.outcomes.at("aa11")->bridge.str(), H::kJvb2);
    h.answer(h.jvb1, stale);  // jvb1 answers after all: those channels are given back
    h.serveExpires(H::kJvb1, h.jvb1);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    EXPECT_TRUE(h.listener.lost.empty()) << "nobody had channels on jvb1 yet";
}

TEST(ColibriLifecycle, DestroyingTheAllocatorExpiresItsChannelsAndLateAnswers) {
    H h;
    h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocate("bb22");
    auto pending = h.allocateRequest(H::kJvb1);
    h.colibri.reset();
    h.serveExpires(H::kJvb1, h.jvb1);
    h.answer(h.jvb1, pending);
    h.serveExpires(H::kJvb1, h.jvb1);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
}
