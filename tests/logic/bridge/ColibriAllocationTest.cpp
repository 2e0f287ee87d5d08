// Allocating channels (docs/media.md §2.2, §2.3, §5.1): serialisation per bridge, failover, the room's
// bridge.
#include "logic/bridge/AllocatorHarness.h"

using namespace jicofo;
using namespace jicofo::test;
using H = AllocatorHarness;
using Strings = std::vector<std::string>;

TEST(ColibriAllocation, TheRequestIsTheOfferTemplateAsAnAllocateGetWithoutId) {
    H h;
    h.allocate("aa11");
    auto req = h.allocateRequest(H::kJvb1);
    EXPECT_EQ(req.type, protocol::IqType::Get);
    protocol::colibri::AllocateOptions o = H::options();
    o.conferenceName = "r1";
    o.endpoint = "aa11";
    EXPECT_EQ(*req.payload, protocol::colibri::buildAllocate(H::offerTemplate(), o).toElement());
    EXPECT_FALSE(req.payload->hasAttr("id")) << "the first allocation creates the conference";
}

TEST(ColibriAllocation, FirstAllocationCreatesTheConferenceAndTheSecondWaitsForItsId) {
    H h;
    h.allocate("aa11");
    h.allocate("bb22");
    auto first = h.allocateRequests(H::kJvb1);
    ASSERT_EQ(first.size(), 1u) << "bb22 must wait for the conference id";
    h.answer(h.jvb1, first[0]);
    auto second = h.allocateRequest(H::kJvb1);
    EXPECT_EQ(H::conferenceIdOf(second), "j1-conf1");
    EXPECT_EQ(second.payload->attr("name"), "r1");
    h.answer(h.jvb1, second);
    ASSERT_TRUE(h.outcomes.at("aa11").ok());
    ASSERT_TRUE(h.outcomes.at("bb22").ok());
    EXPECT_EQ(h.outcomes.at("aa11")->channels.conferenceId, "j1-conf1");
    EXPECT_EQ(h.outcomes.at("bb22")->channels.conferenceId, "j1-conf1");
    EXPECT_EQ(h.outcomes.at("bb22")->bridge.str(), H::kJvb1);
    EXPECT_EQ(h.jvb1.created, 1);
}

TEST(ColibriAllocation, OnceTheIdIsKnownAllocationsRunInParallel) {
    H h;
    h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocate("bb22");
    h.allocate("cc33");
    auto reqs = h.allocateRequests(H::kJvb1);
    ASSERT_EQ(reqs.size(), 2u);
    h.answer(h.jvb1, reqs[1]);  // answers may come in any order
    h.answer(h.jvb1, reqs[0]);
    EXPECT_TRUE(h.outcomes.at("bb22").ok());
    EXPECT_TRUE(h.outcomes.at("cc33").ok());
    EXPECT_EQ(h.colibri->endpointsOn(bjid(H::kJvb1)), (Strings{"aa11", "bb22", "cc33"}));
}

TEST(ColibriAllocation, TheAllocationKeepsOnlyTheEndpointsChannelsAndBundle) {
    H h;
    auto a = h.allocated("aa11", H::kJvb1, h.jvb1);
    EXPECT_EQ(a.channels.endpoint, "aa11");
    EXPECT_EQ(a.channels.contents.size(), 3u);  // audio, video, data
    ASSERT_TRUE(a.channels.bundle);
    EXPECT_EQ(a.channels.bundle->id, "aa11");
    EXPECT_EQ(a.channels.offerTransports().at("audio").ufrag, "b4mcr1a0nf3v0q");
    EXPECT_EQ(a.channels.bridgeSsrcs().size(), 2u);
}

TEST(ColibriAllocation, TheResultComesOnTheLoopNeverInsideTheCall) {
    H h(Strings{});  // no bridge known
    h.allocate("aa11");
    EXPECT_FALSE(h.outcomes.count("aa11"));
    h.loop.runPending();
    ASSERT_TRUE(h.outcomes.count("aa11"));
    EXPECT_EQ(h.outcomes.at("aa11").error().condition, "service-unavailable");
}

TEST(ColibriAllocation, ABridgeErrorMarksItFailedAndTriesTheNext) {
    H h;
    h.allocate("aa11");
    h.fail(h.allocateRequest(H::kJvb1), "internal-server-error");
    EXPECT_TRUE(h.registry.find(bjid(H::kJvb1))->failedAt);
    auto next = h.allocateRequest(H::kJvb2);
    EXPECT_FALSE(next.payload->hasAttr("id")) << "a new conference on the next bridge";
    h.answer(h.jvb2, next);
    ASSERT_TRUE(h.outcomes.at("aa11").ok());
    EXPECT_EQ(h.outcomes.at("aa11")->bridge.str(), H::kJvb2);
}

TEST(ColibriAllocation, ATimeoutMarksTheBridgeFailedAndTriesTheNext) {
    H h;
    h.allocate("aa11");
    h.allocateRequest(H::kJvb1);
    h.loop.advance(std::chrono::milliseconds(19999));
    EXPECT_TRUE(h.allocateRequests(H::kJvb2).empty());
    h.loop.advance(std::chrono::milliseconds(1));
    EXPECT_TRUE(h.registry.find(bjid(H::kJvb1))->failedAt);
    h.answer(h.jvb2, h.allocateRequest(H::kJvb2));
    EXPECT_TRUE(h.outcomes.at("aa11").ok());
}

TEST(ColibriAllocation, TheRequestTimeoutIsConfigurable) {
    H h;
    h.ctx.requestTimeout = std::chrono::seconds(3);
    h.allocate("aa11");
    h.allocateRequest(H::kJvb1);
    h.loop.advance(std::chrono::seconds(3));
    EXPECT_EQ(h.allocateRequests(H::kJvb2).size(), 1u);
}

TEST(ColibriAllocation, AnAnswerWithoutUsableChannelsIsAFailureAndItsChannelsAreExpired) {
    H h;
    h.allocate("aa11");
    auto req = h.allocateRequest(H::kJvb1);
    // The bridge forgets the channel-bundle: the offer could not be built.
    auto conf = protocol::colibri::ColibriConference::parse(h.jvb1.allocate(req)).value();
    conf.channelBundles.clear();
    h.reply(req, conf.toElement());
    EXPECT_EQ(h.serveExpires(H::kJvb1, h.jvb1), 1u);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    EXPECT_EQ(h.allocateRequests(H::kJvb2).size(), 1u);
}

TEST(ColibriAllocation, AResultWithoutAConferenceIsAFailure) {
    H h;
    h.allocate("aa11");
    h.reply(h.allocateRequest(H::kJvb1));
    EXPECT_EQ(h.allocateRequests(H::kJvb2).size(), 1u);
}

TEST(ColibriAllocation, WhenEveryBridgeFailsTheCallerGetsAnError) {
    H h;
    h.allocate("aa11");
    h.fail(h.allocateRequest(H::kJvb1), "internal-server-error");
    h.fail(h.allocateRequest(H::kJvb2), "service-unavailable");
    ASSERT_TRUE(h.outcomes.count("aa11"));
    EXPECT_FALSE(h.outcomes.at("aa11").ok());
    EXPECT_EQ(h.outcomes.at("aa11").error().condition, "service-unavailable");
    EXPECT_EQ(h.colibri->pendingCount(), 0u);
    EXPECT_TRUE(h.takeIqs(H::kJvb1).empty());
    EXPECT_TRUE(h.takeIqs(H::kJvb2).empty());
}

TEST(ColibriAllocation, AllocationsWaitingForTheIdFollowTheCreatorToTheNextBridge) {
    H h;
    h.allocate("aa11");
    h.allocate("bb22");
    h.fail(h.allocateRequest(H::kJvb1), "internal-server-error");
    auto creator = h.allocateRequests(H::kJvb2);
    ASSERT_EQ(creator.size(), 1u) << "one creates the conference on jvb2, the other waits again";
    h.answer(h.jvb2, creator[0]);
    h.answer(h.jvb2, h.allocateRequest(H::kJvb2));
    EXPECT_EQ(h.outcomes.at("aa11")->bridge.str(), H::kJvb2);
    EXPECT_EQ(h.outcomes.at("bb22")->bridge.str(), H::kJvb2);
    EXPECT_EQ(h.jvb2.created, 1);
}

TEST(ColibriAllocation, ANewcomerGoesToTheRoomsBridgeEvenWhenAnotherIsLessLoaded) {
    H h;
    h.allocated("aa11", H::kJvb1, h.jvb1);
    protocol::colibri::Stats busy, idle;
    busy.set("videostreams", "500");
    idle.set("videostreams", "0");
    h.registry.reportStats(bjid(H::kJvb1), busy, false);
    h.registry.reportStats(bjid(H::kJvb2), idle, false);
    h.allocate("bb22");
    EXPECT_EQ(h.allocateRequests(H::kJvb1).size(), 1u);
    EXPECT_TRUE(h.allocateRequests(H::kJvb2).empty());
}

TEST(ColibriAllocation, TheFirstAllocationGoesToTheLeastLoadedBridge) {
    H h;
    protocol::colibri::Stats busy, idle;
    busy.set("videostreams", "500");
    idle.set("videostreams", "0");
    h.registry.reportStats(bjid(H::kJvb1), busy, false);
    h.registry.reportStats(bjid(H::kJvb2), idle, false);
    h.allocate("aa11");
    EXPECT_EQ(h.allocateRequests(H::kJvb2).size(), 1u);
}

TEST(ColibriAllocation, TheConferenceHintIsUsedWhenNoBridgeIsKnown) {
    H h(Strings{});
    h.allocate("aa11", bjid("jvb-pre.example.com"));
    FakeBridge pre("pre");
    h.answer(pre, h.allocateRequest("jvb-pre.example.com"));
    ASSERT_TRUE(h.outcomes.at("aa11").ok());
    EXPECT_EQ(h.outcomes.at("aa11")->bridge.str(), "jvb-pre.example.com");
}

TEST(ColibriAllocation, OneRoomsHintIsNotUsedForAnotherRoom) {
    H h(Strings{});
    bridge::ColibriAllocator other(h.ctx, bjid("r2@conference.example.com"));
    h.allocate("aa11", bjid("jvb-pre.example.com"));
    std::optional<AllocatorHarness::Outcome> second;
    other.allocate("bb22", H::offerTemplate(), H::options(), std::nullopt, [&](auto r) { second = r; });
    h.loop.runPending();
    EXPECT_EQ(h.allocateRequests("jvb-pre.example.com").size(), 1u) << "only room r1's request";
    ASSERT_TRUE(second);
    EXPECT_FALSE(second->ok()) << "room r2 gave no hint and no bridge is known";
}

TEST(ColibriAllocation, LosingTheFocusStreamFailsTheAllocationWithoutBlamingTheBridge) {
    H h;
    h.allocate("aa11");
    h.allocateRequest(H::kJvb1);
    h.client.setConnected(false);
    h.router.failAll("stream closed");
    h.loop.runPending();
    ASSERT_TRUE(h.outcomes.count("aa11"));
    EXPECT_FALSE(h.outcomes.at("aa11").ok());
    EXPECT_FALSE(h.registry.find(bjid(H::kJvb1))->failedAt);
}

TEST(ColibriAllocation, AnAllocationFailureOnTheRoomsBridgeMovesTheRoomOffIt) {
    H h;
    h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocate("bb22");
    h.fail(h.allocateRequest(H::kJvb1), "internal-server-error");
    // aa11's channels on jvb1 are given back and aa11 is reported lost, so that the room meets again on jvb2.
    EXPECT_EQ(h.serveExpires(H::kJvb1, h.jvb1), 1u);
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    ASSERT_EQ(h.listener.lost.size(), 1u);
    EXPECT_EQ(h.listener.lost[0].first, H::kJvb1);
    EXPECT_EQ(h.listener.lost[0].second, (Strings{"aa11"}));
    h.answer(h.jvb2, h.allocateRequest(H::kJvb2));
    EXPECT_EQ(h.outcomes.at("bb22")->bridge.str(), H::kJvb2);
    h.allocate("aa11");  // the conference re-invites aa11
    EXPECT_EQ(h.allocateRequests(H::kJvb2).size(), 1u);
}

TEST(ColibriAllocation, AnAnswerForAnotherConferenceIsRefusedAndExpired) {
    H h;
    h.allocated("aa11", H::kJvb1, h.jvb1);
    h.allocate("bb22");
    auto req = h.allocateRequest(H::kJvb1);
    auto stray = req;
    stray.payload->removeAttr("id");  // the bridge made a new conference instead
    h.reply(req, h.jvb1.allocate(stray));
    EXPECT_EQ(h.serveExpires(H::kJvb1, h.jvb1), 2u) << "the stray channels, then the room's";
    EXPECT_EQ(h.jvb1.liveChannels(), 0u);
    EXPECT_EQ(h.allocateRequests(H::kJvb2).size(), 1u);
}
