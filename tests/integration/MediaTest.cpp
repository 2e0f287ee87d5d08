// Media end to end (issue 4): the focus binary, the bridge simulator as its own process and participants as
// real XMPP clients, all through a real Prosody.
#include "integration/FocusHarness.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::JingleAction;

namespace {

std::vector<uint32_t> ssrcsOf(const protocol::jingle::Jingle& j, const std::string& content) {
    std::vector<uint32_t> out;
    for (const auto& c : j.contents)
        if (c.name == content && c.description)
            for (const auto& s : c.description->sources) out.push_back(s.ssrc.value_or(0));
    return out;
}
bool has(const std::vector<uint32_t>& v, uint32_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

class MediaTest : public FocusTest {
  protected:
    // Starts a simulator and the focus (which discovers it when its user logs in).
    void SetUp() override {
        bridge_ = std::make_unique<BridgeSimProcess>(prosody());
        ASSERT_TRUE(bridge_->waitReady()) << bridge_->log();
    }
    void TearDown() override {
        focus_.reset();
        bridge_.reset();
    }
    // Joins a participant, asking for the conference first as the client does.
    std::unique_ptr<MediaClient> participant(const std::string& r, const std::string& nick) {
        auto c = std::make_unique<MediaClient>(prosody());
        EXPECT_EQ(c->requestConference(r).attr("type"), "result");
        EXPECT_TRUE(c->join(r, nick));
        return c;
    }
    std::unique_ptr<BridgeSimProcess> bridge_;
};

}  // namespace

TEST_F(MediaTest, OffersCarryTheBridgeTransportAndSourcesRelay) {
    startFocus();
    std::string r = room("media");
    auto alice = participant(r, "alice");
    auto bob = participant(r, "bob");
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    auto bobOffer = bob->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && bobOffer) << focus().log();
    EXPECT_EQ(aliceOffer->contentNames(), (std::vector<std::string>{"audio", "video", "data"}));

    // The offer's transport is the simulator's channel-bundle for that endpoint.
    auto listing = bridge_->listing(alice->xmpp());
    ASSERT_EQ(listing.conferences.size(), 1u);
    const auto& conf = listing.conferences[0];
    std::string ufrag;
    for (const auto& b : conf.bundles)
        if (b.id == "alice") ufrag = b.ufrag;
    ASSERT_FALSE(ufrag.empty());
    ASSERT_TRUE(aliceOffer->contents[0].transport);
    EXPECT_EQ(aliceOffer->contents[0].transport->ufrag, ufrag);
    EXPECT_EQ(conf.channelsOf("alice").size(), 3u);

    EXPECT_EQ(alice->accept(*aliceOffer, 1111, 2222).attr("type"), "result");
    EXPECT_EQ(bob->accept(*bobOffer, 3333, 4444).attr("type"), "result");
    auto toAlice = alice->waitJingle(JingleAction::SourceAdd);
    auto toBob = bob->waitJingle(JingleAction::SourceAdd);
    ASSERT_TRUE(toAlice && toBob) << focus().log();
    EXPECT_TRUE(has(ssrcsOf(*toAlice, "audio"), 3333));
    EXPECT_TRUE(has(ssrcsOf(*toBob, "video"), 2222));
    // The bridge knows each participant's sources.
    EXPECT_TRUE(bridge_->waitListing(alice->xmpp(), [](const bridgesim::LiveListing& l) {
        for (const auto& c : l.conferences)
            for (const auto& ch : c.channels)
                if (ch.endpoint == "alice" && has(ch.ssrcs, 1111)) return true;
        return false;
    }));

    // A third participant's offer lists the others' sources; its accept reaches both.
    auto carol = participant(r, "carol");
    auto carolOffer = carol->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(carolOffer);
    EXPECT_TRUE(has(ssrcsOf(*carolOffer, "audio"), 1111));
    EXPECT_TRUE(has(ssrcsOf(*carolOffer, "audio"), 3333));
    carol->accept(*carolOffer, 5555, 6666);
    auto carolToAlice = alice->waitJingle(JingleAction::SourceAdd);
    ASSERT_TRUE(carolToAlice);
    EXPECT_TRUE(has(ssrcsOf(*carolToAlice, "audio"), 5555));
}

TEST_F(MediaTest, LeavingExpiresChannelsAndTheBridgeEndsEmpty) {
    startFocus();
    std::string r = room("leave");
    auto alice = participant(r, "alice");
    auto bob = participant(r, "bob");
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    auto bobOffer = bob->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && bobOffer);
    alice->accept(*aliceOffer, 1111, 2222);
    bob->accept(*bobOffer, 3333, 4444);
    ASSERT_TRUE(alice->waitJingle(JingleAction::SourceAdd));
    bob->leave();
    auto removed = alice->waitJingle(JingleAction::SourceRemove);
    ASSERT_TRUE(removed) << focus().log();
    EXPECT_TRUE(has(ssrcsOf(*removed, "audio"), 3333));
    EXPECT_TRUE(bridge_->waitListing(alice->xmpp(), [](const bridgesim::LiveListing& l) {
        return l.channelCount() == 3;
    })) << "bob's three channels expired";
    alice->leave();
    MeetClient observer(prosody());
    EXPECT_TRUE(bridge_->waitListing(observer.xmpp(),
                                     [](const bridgesim::LiveListing& l) { return l.channelCount() == 0; }))
        << "no channel stays allocated\n"
        << focus().log();
    EXPECT_TRUE(waitStat(observer, "conferences", "0"));
}

TEST_F(MediaTest, KillingTheBridgeMovesParticipantsToTheOther) {
    BridgeSimProcess::Options o;
    o.subdomain = "jvb2";
    BridgeSimProcess second(prosody(), o);
    ASSERT_TRUE(second.waitReady()) << second.log();
    startFocus({"-Dorg.jitsi.jicofo.BRIDGE_HEALTH_CHECK_INTERVAL=300"});
    std::string r = room("failover");
    auto alice = participant(r, "alice");
    auto bob = participant(r, "bob");
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    auto bobOffer = bob->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && bobOffer) << focus().log();
    alice->accept(*aliceOffer, 1111, 2222);
    bob->accept(*bobOffer, 3333, 4444);
    // Which simulator got the room?
    bool onFirst = bridge_->listing(alice->xmpp()).channelCount() > 0;
    BridgeSimProcess& used = onFirst ? *bridge_ : second;
    BridgeSimProcess& spare = onFirst ? second : *bridge_;
    used.kill();
    auto terminate = alice->waitJingle(JingleAction::SessionTerminate, util::Duration(10000));
    EXPECT_TRUE(terminate) << focus().log();
    auto again = alice->waitJingle(JingleAction::SessionInitiate, util::Duration(10000));
    ASSERT_TRUE(again) << "alice re-offered on the other bridge\n" << focus().log();
    EXPECT_TRUE(bob->waitJingle(JingleAction::SessionInitiate, util::Duration(10000)));
    EXPECT_TRUE(spare.waitListing(alice->xmpp(), [](const bridgesim::LiveListing& l) {
        return l.channelCount() == 6;
    })) << focus().log();
    EXPECT_EQ(stat(*alice, "conferences"), "1") << "the conference lives on";
}
