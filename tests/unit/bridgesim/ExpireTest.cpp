// Channel expiry on the simulated bridge (docs/media.md §2.5): expire='0' removes at once, idle channels and
// conferences go in the sweep after their expire time (2015 defaults, configurable), media keeps them.
#include "bridgesim/BridgeStats.h"
#include "media/ColibriUpdates.h"
#include "unit/bridgesim/BridgeTestUtil.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;
using std::chrono::seconds;

namespace {

class BridgeSimExpire : public test::BridgeTest {
  protected:
    colibri::ColibriConference expire(const std::vector<colibri::ParticipantChannels>& who) {
        auto req = colibri::buildExpire(who.at(0).conferenceId, "r1", who);
        EXPECT_TRUE(req);
        auto resp = request(*req);
        EXPECT_TRUE(resp) << (resp ? "" : resp.error().condition);
        return resp ? *resp : colibri::ColibriConference{};
    }
};

TEST_F(BridgeSimExpire, ExpiringOneEndpointLeavesTheOthersChannels) {
    auto aa = channelsOf(allocate("aa11"), "aa11");
    auto bb = channelsOf(allocate("bb22", aa.conferenceId), "bb22");
    EXPECT_EQ(bridge_->channelCount(), 6u);

    auto resp = expire({aa});
    EXPECT_EQ(bridge_->channelCount(), 3u);
    // Expired channels are not described; only bb22's bundle is left.
    for (const auto& c : resp.contents) EXPECT_TRUE(c.channels.empty() && c.sctpConnections.empty());
    ASSERT_EQ(resp.channelBundles.size(), 1u);
    EXPECT_EQ(resp.channelBundles[0].id, "bb22");
    auto listing = bridgesim::snapshot(*bridge_);
    EXPECT_TRUE(listing.conferences.at(0).channelsOf("aa11").empty());
    EXPECT_EQ(listing.conferences.at(0).channelsOf("bb22").size(), 3u);

    expire({bb});
    EXPECT_EQ(bridge_->channelCount(), 0u);
}

TEST_F(BridgeSimExpire, AnExpiredChannelIsUnknownAfterwards) {
    auto aa = channelsOf(allocate("aa11"), "aa11");
    expire({aa});
    auto resp = request(media::buildSourcesUpdate(aa, {}));
    ASSERT_FALSE(resp);
    EXPECT_EQ(resp.error().condition, "feature-not-implemented");
    // Expiring a gone SCTP connection again is quietly accepted.
    colibri::ColibriConference again;
    again.id = aa.conferenceId;
    colibri::SctpConnection s = *aa.sctpConnection("data");
    s.expire = 0;
    again.getOrAddContent("data").sctpConnections.push_back(s);
    EXPECT_TRUE(request(again));
}

TEST_F(BridgeSimExpire, AnEmptyConferenceLivesUntilTheSweepAfterItsIdleTime) {
    auto aa = channelsOf(allocate("aa11"), "aa11");
    expire({aa});
    EXPECT_EQ(bridge_->conferenceCount(), 1u);
    advance(seconds(30));
    bridge_->sweep(now_);
    // Still there: the focus may allocate in it again with the stored id.
    allocate("cc33", aa.conferenceId);
    auto cc = channelsOf(allocate("dd44", aa.conferenceId), "dd44");
    expire({cc, channelsOf(allocate("ee55", aa.conferenceId), "ee55")});
    advance(seconds(59));
    bridge_->sweep(now_);
    EXPECT_EQ(bridge_->conferenceCount(), 1u);  // cc33's channels are still there
    EXPECT_EQ(bridge_->channelCount(), 3u);
    advance(seconds(2));
    EXPECT_EQ(bridge_->sweep(now_), 3u);
    EXPECT_EQ(bridge_->conferenceCount(), 0u);
    EXPECT_EQ(request(media::buildSourcesUpdate(cc, {})).error().condition, "feature-not-implemented");
}

TEST_F(BridgeSimExpire, IdleChannelsGoAfterTheirExpireButMediaKeepsThemAlive) {
    auto aa = channelsOf(allocate("aa11"), "aa11");
    auto bb = channelsOf(allocate("bb22", aa.conferenceId), "bb22");
    // bb22 completes ICE (its transport-info reaches the bridge); aa11 never answers its offer.
    auto info = test::goldenJingle("jingle/transport-info-2015.xml");
    ASSERT_TRUE(request(*media::buildTransportUpdate(bb, "r1", info.contents)));

    advance(seconds(60));
    EXPECT_EQ(bridge_->sweep(now_), 0u);  // not idle *longer* than 60 s yet
    advance(seconds(1));
    EXPECT_EQ(bridge_->sweep(now_), 3u);
    auto listing = bridgesim::snapshot(*bridge_);
    EXPECT_TRUE(listing.conferences.at(0).channelsOf("aa11").empty());
    EXPECT_EQ(listing.conferences.at(0).channelsOf("bb22").size(), 3u);
    EXPECT_EQ(listing.conferences.at(0).bundles.size(), 1u);
    advance(seconds(600));
    EXPECT_EQ(bridge_->sweep(now_), 0u);
    EXPECT_EQ(bridge_->channelCount(), 3u);
}

TEST_F(BridgeSimExpire, WithoutSimulatedMediaOnlyColibriKeepsChannels) {
    config_.mediaKeepsAlive = false;
    reset();
    auto aa = channelsOf(allocate("aa11"), "aa11");
    auto info = test::goldenJingle("jingle/transport-info-2015.xml");
    ASSERT_TRUE(request(*media::buildTransportUpdate(aa, "r1", info.contents)));
    advance(seconds(45));
    ASSERT_TRUE(request(media::buildSourcesUpdate(aa, {})));  // touches audio and video only
    advance(seconds(20));
    EXPECT_EQ(bridge_->sweep(now_), 1u);  // the SCTP connection
    advance(seconds(60));
    bridge_->sweep(now_);
    EXPECT_EQ(bridge_->conferenceCount(), 0u);
}

TEST_F(BridgeSimExpire, ShorterExpireTimesForTests) {
    config_.defaultExpireSeconds = 2;
    reset();
    auto resp = allocate("aa11");
    EXPECT_EQ(resp.content("audio")->channels.at(0).expire, 2u);
    advance(seconds(3));
    EXPECT_EQ(bridge_->sweep(now_), 3u);
    EXPECT_EQ(bridge_->conferenceCount(), 0u);
}

TEST_F(BridgeSimExpire, RemovalIsReported) {
    std::vector<std::string> removed;
    bridge_->setConferenceRemovedHandler([&](const bridgesim::SimConference& c) { removed.push_back(c.id); });
    auto resp = allocate("aa11");
    advance(seconds(61));
    bridge_->sweep(now_);
    EXPECT_EQ(removed, std::vector<std::string>{resp.id});
}

}  // namespace
