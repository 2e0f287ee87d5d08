// Media through a modern bridge (issue 13 §2, §4): the focus binary with BRIDGE_MUC, the Colibri2 bridge
// simulator (tests/bridgesim2) in the brewery, 2015 participants as real XMPP clients, all through a real
// Prosody. What the bridge got is read from the simulator's listing.
#include <algorithm>
#include <cctype>

#include "integration/FocusHarness.h"
#include "protocol/colibri2/MediaSource.h"
#include "support/BridgeSim2Process.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::JingleAction;

namespace {

bool hasSsrc(const protocol::jingle::Jingle& j, const std::string& content, uint32_t ssrc) {
    for (const auto& c : j.contents)
        if (c.name == content && c.description)
            for (const auto& s : c.description->sources)
                if (s.ssrc == ssrc) return true;
    return false;
}

std::string sourceNameOf(const protocol::jingle::Jingle& j, const std::string& content, uint32_t ssrc) {
    for (const auto& c : j.contents)
        if (c.name == content && c.description)
            for (const auto& s : c.description->sources)
                if (s.ssrc == ssrc) return protocol::colibri2::sourceName(s);
    return "?";
}

// The SSRCs of an endpoint's media-source of that name on the bridge (empty when none).
std::vector<uint32_t> bridgeSsrcs(const bridgesim2::Listing& l, const std::string& room,
                                  const std::string& endpoint, const std::string& source) {
    const auto* conf = l.byName(room);
    const auto* ep = conf ? conf->endpoint(endpoint) : nullptr;
    if (!ep || !ep->sources) return {};
    const auto* ms = ep->sources->find(source);
    return ms ? ms->ssrcs() : std::vector<uint32_t>{};
}

class Colibri2MediaTest : public FocusTest {
  protected:
    // The room as the MUC service names it (lower case).
    std::string room(const std::string& name) {
        std::string r = FocusTest::room(name);
        std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
        return r;
    }
    static void SetUpTestSuite() {
        FocusTest::SetUpTestSuite();
        prosody().registerUser("jvb", prosody().authDomain(), "jvbpass");
    }
    void TearDown() override {
        focus_.reset();
        bridges_.clear();
    }
    BridgeSim2Process& bridge(const std::string& nick, std::vector<std::string> args = {}) {
        BridgeSim2Process::Options o;
        o.nick = nick;
        o.extraArgs = std::move(args);
        bridges_.push_back(std::make_unique<BridgeSim2Process>(prosody(), o));
        EXPECT_TRUE(bridges_.back()->waitJoined()) << bridges_.back()->log();
        return *bridges_.back();
    }
    // The focus with the brewery; returns once it has seen `count` bridges there.
    void startModernFocus(std::size_t count, std::vector<std::string> extra = {}) {
        extra.push_back("-Dorg.jitsi.jicofo.BRIDGE_MUC=" + prosody().breweryRoom());
        startFocus(extra);
        for (std::size_t i = 0; i < count; ++i)
            ASSERT_TRUE(focus().process().waitForLog(
                "brewery: bridge " + bridges_.at(i)->occupantJid().str() + " joined", 10000))
                << focus().log();
    }
    std::unique_ptr<MediaClient> participant(
        const std::string& r, const std::string& nick,
        std::vector<std::pair<std::string, std::string>> props = {{"openSctp", "true"}},
        const std::string& region = {}) {
        auto c = std::make_unique<MediaClient>(prosody());
        c->setRegion(region);
        EXPECT_EQ(c->requestConference(r, props).attr("type"), "result");
        EXPECT_TRUE(c->join(r, nick));
        return c;
    }
    std::vector<std::unique_ptr<BridgeSim2Process>> bridges_;
};

}  // namespace

TEST_F(Colibri2MediaTest, OffersCarryTheBridgeTransportAndSourcesReachTheBridgeAndTheOthers) {
    auto& jvb = bridge("jvb1", {"--web-socket-base=wss://127.0.0.1:8443/colibri-ws/jvb1"});
    startModernFocus(1);
    std::string r = room("c2media");
    auto alice = participant(r, "alice");
    auto bob = participant(r, "bob");
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    auto bobOffer = bob->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && bobOffer) << focus().log();
    EXPECT_EQ(aliceOffer->contentNames(), (std::vector<std::string>{"audio", "video", "data"}));

    // One conference on the bridge, named after the room, with both endpoints; each offer carries its
    // endpoint's transport: ufrag, DTLS fingerprint, loopback candidate.
    auto l = jvb.listing(alice->xmpp());
    ASSERT_EQ(l.conferences.size(), 1u);
    const auto& conf = l.conferences[0];
    EXPECT_EQ(conf.name, r);
    EXPECT_FALSE(conf.meetingId.empty());
    const auto* aliceEp = conf.endpoint("alice");
    ASSERT_NE(aliceEp, nullptr);
    EXPECT_TRUE(aliceEp->iceControlling);
    EXPECT_TRUE(aliceEp->sctp);
    EXPECT_EQ(aliceEp->medias, (std::vector<std::string>{"audio", "video"}));
    ASSERT_EQ(l.eventsOf("conference-create").size(), 1u) << "create='true' once";
    for (const auto& c : aliceOffer->contents) {
        ASSERT_TRUE(c.transport) << c.name;
        EXPECT_EQ(c.transport->ufrag, aliceEp->ufrag) << c.name;
        ASSERT_FALSE(c.transport->fingerprints.empty());
        EXPECT_FALSE(c.transport->fingerprints[0].value.empty());
        ASSERT_FALSE(c.transport->candidates.empty());
        EXPECT_EQ(c.transport->candidates[0].ip, "127.0.0.1");
    }
    // The bridge's feedback sources are in the offer.
    EXPECT_TRUE(hasSsrc(*aliceOffer, "audio", conf.audioSsrc));
    EXPECT_TRUE(hasSsrc(*aliceOffer, "video", conf.videoSsrc));

    // Answers: the bridge gets each endpoint's transport and named sources, the others get source-add.
    EXPECT_EQ(alice->accept(*aliceOffer, 1111, 2222).attr("type"), "result");
    EXPECT_EQ(bob->accept(*bobOffer, 3333, 4444).attr("type"), "result");
    auto toAlice = alice->waitJingle(JingleAction::SourceAdd);
    auto toBob = bob->waitJingle(JingleAction::SourceAdd);
    ASSERT_TRUE(toAlice && toBob) << focus().log();
    EXPECT_TRUE(hasSsrc(*toAlice, "audio", 3333));
    EXPECT_TRUE(hasSsrc(*toBob, "video", 2222));
    // The 2015 clients named none of their sources: the focus names them NICK-a0 / NICK-v0 for everyone.
    EXPECT_EQ(sourceNameOf(*toAlice, "audio", 3333), "bob-a0");
    EXPECT_EQ(sourceNameOf(*toBob, "video", 2222), "alice-v0");
    bridgesim2::Listing last;
    EXPECT_TRUE(jvb.waitListing(
        alice->xmpp(),
        [&](const bridgesim2::Listing& l) {
            const auto* c = l.byName(r);
            const auto* a = c ? c->endpoint("alice") : nullptr;
            return bridgeSsrcs(l, r, "alice", "alice-a0") == std::vector<uint32_t>{1111} &&
                   bridgeSsrcs(l, r, "bob", "bob-v0") == std::vector<uint32_t>{4444} && a &&
                   !a->remoteUfrag.empty();
        },
        5000, &last))
        << focus().log();

    // source-add: the complete set goes to the bridge, the new source to the others.
    EXPECT_EQ(alice->sourceAdd("video", {5555}).attr("type"), "result");
    auto added = bob->waitJingle(JingleAction::SourceAdd);
    ASSERT_TRUE(added);
    EXPECT_TRUE(hasSsrc(*added, "video", 5555));
    EXPECT_TRUE(jvb.waitListing(alice->xmpp(), [&](const bridgesim2::Listing& l) {
        auto v = bridgeSsrcs(l, r, "alice", "alice-v0");
        return std::find(v.begin(), v.end(), 5555u) != v.end() &&
               std::find(v.begin(), v.end(), 2222u) != v.end();
    })) << focus().log();

    // Leaving expires the endpoint; the last one out ends the conference on the bridge.
    bob->leave();
    auto removed = alice->waitJingle(JingleAction::SourceRemove);
    ASSERT_TRUE(removed) << focus().log();
    EXPECT_TRUE(hasSsrc(*removed, "audio", 3333));
    EXPECT_TRUE(jvb.waitListing(alice->xmpp(), [&](const bridgesim2::Listing& l) {
        return !l.eventsOf("endpoint-expire", "bob").empty() && l.byName(r) && !l.byName(r)->endpoint("bob");
    })) << focus().log();
    alice->leave();
    MeetClient observer(prosody());
    EXPECT_TRUE(jvb.waitListing(observer.xmpp(),
                                [](const bridgesim2::Listing& l) {
                                    return l.conferences.empty() &&
                                           l.eventsOf("conference-expire").size() == 1;
                                }))
        << "the conference is gone from the bridge\n"
        << focus().log();
    EXPECT_TRUE(waitStat(observer, "conferences", "0"));
}

// docs/media.md §1.5: the region in the participants' presence picks the bridge of that region even when
// another one is less loaded; participants without a region get the least loaded.
TEST_F(Colibri2MediaTest, ParticipantRegionChoosesTheBridge) {
    auto& eu = bridge("jvb-eu", {"--region=eu-west", "--stress-level=0.5"});
    auto& us = bridge("jvb-us", {"--region=us-east", "--stress-level=0.1"});
    startModernFocus(2);
    std::string r1 = room("c2region-eu"), r2 = room("c2region-none");
    const std::vector<std::pair<std::string, std::string>> props = {{"openSctp", "true"}};
    auto alice = participant(r1, "alice", props, "eu-west");
    auto bob = participant(r1, "bob", props, "eu-west");
    auto carol = participant(r2, "carol");
    auto dave = participant(r2, "dave");
    for (auto* c : {alice.get(), bob.get(), carol.get(), dave.get()})
        ASSERT_TRUE(c->waitJingle(JingleAction::SessionInitiate)) << focus().log();
    auto onEu = eu.listing(alice->xmpp());
    auto onUs = us.listing(alice->xmpp());
    ASSERT_NE(onEu.byName(r1), nullptr) << "the eu-west room is on the eu-west bridge\n" << focus().log();
    EXPECT_EQ(onEu.byName(r1)->endpoints.size(), 2u);
    EXPECT_EQ(onEu.byName(r2), nullptr);
    ASSERT_NE(onUs.byName(r2), nullptr) << "no region: the least loaded bridge\n" << focus().log();
    EXPECT_EQ(onUs.byName(r2)->endpoints.size(), 2u);
    EXPECT_EQ(onUs.byName(r1), nullptr);
    EXPECT_TRUE(focus().process().waitForLog("region 'eu-west'", 1000)) << focus().log();
}

TEST_F(Colibri2MediaTest, GracefulShutdownAnswerMovesTheParticipantsToAnotherBridge) {
    // jvb1 is shutting down gracefully: it refuses new conferences with graceful_shutdown. The conference
    // IQ asks for it (a conference keeps an operational bridge, and graceful shutdown is still operational),
    // so the focus tries it first and has to move on.
    auto& jvb1 = bridge("jvb1", {"--graceful-shutdown"});
    auto& jvb2 = bridge("jvb2", {"--stress-level=0.5"});
    startModernFocus(2);
    std::string r = room("c2graceful");
    auto observer = std::make_unique<MeetClient>(prosody());
    std::vector<std::pair<std::string, std::string>> props = {{"openSctp", "true"},
                                                              {"bridge", jvb1.occupantJid().str()}};
    auto alice = participant(r, "alice", props);
    auto bob = participant(r, "bob", props);
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    auto bobOffer = bob->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && bobOffer) << focus().log();
    auto first = jvb2.listing(observer->xmpp());
    ASSERT_NE(first.byName(r), nullptr) << "the conference is on the other bridge\n" << focus().log();
    EXPECT_EQ(aliceOffer->contents[0].transport->ufrag, first.byName(r)->endpoint("alice")->ufrag);
    auto refused = jvb1.listing(observer->xmpp());
    EXPECT_TRUE(refused.conferences.empty());
    ASSERT_FALSE(refused.eventsOf("error").empty()) << focus().log();
    EXPECT_NE(refused.eventsOf("error")[0].detail.find("graceful_shutdown"), std::string::npos);
    EXPECT_TRUE(focus().process().waitForLog("is in graceful shutdown", 1000)) << focus().log();
}

TEST_F(Colibri2MediaTest, ABridgeLeavingTheBreweryMovesItsParticipants) {
    auto& jvb1 = bridge("jvb1");
    auto& jvb2 = bridge("jvb2", {"--stress-level=0.5"});
    startModernFocus(2);
    std::string r = room("c2leave");
    auto alice = participant(r, "alice");
    auto bob = participant(r, "bob");
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    auto bobOffer = bob->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && bobOffer) << focus().log();
    alice->accept(*aliceOffer, 1111, 2222);
    bob->accept(*bobOffer, 3333, 4444);
    ASSERT_NE(jvb1.listing(alice->xmpp()).byName(r), nullptr) << "the least stressed bridge first";
    jvb1.kill();
    EXPECT_TRUE(alice->waitJingle(JingleAction::SessionTerminate)) << focus().log();
    auto again = alice->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(again) << focus().log();
    EXPECT_TRUE(bob->waitJingle(JingleAction::SessionInitiate));
    bridgesim2::Listing l;
    ASSERT_TRUE(jvb2.waitListing(
        alice->xmpp(),
        [&](const bridgesim2::Listing& l) { return l.byName(r) && l.byName(r)->endpoints.size() == 2; }, 5000,
        &l))
        << focus().log();
    EXPECT_EQ(again->contents[0].transport->ufrag, l.byName(r)->endpoint("alice")->ufrag);
}

TEST_F(Colibri2MediaTest, A2015BridgeAndAColibri2BridgeEachTakeWholeConferences) {
    BridgeSimProcess old(prosody());
    ASSERT_TRUE(old.waitReady()) << old.log();
    auto& modern = bridge("jvb1");
    startModernFocus(1);
    ASSERT_TRUE(focus().process().waitForLog("bridge " + prosody().bridgeComponent() + " is online", 10000))
        << focus().log();
    std::string r1 = room("c2both1"), r2 = room("c2both2");
    auto a1 = participant(r1, "alice");
    auto b1 = participant(r1, "bob");
    ASSERT_TRUE(a1->waitJingle(JingleAction::SessionInitiate) &&
                b1->waitJingle(JingleAction::SessionInitiate))
        << focus().log();
    auto a2 = participant(r2, "carol");
    auto b2 = participant(r2, "dave");
    ASSERT_TRUE(a2->waitJingle(JingleAction::SessionInitiate) &&
                b2->waitJingle(JingleAction::SessionInitiate))
        << focus().log();
    // One room on each bridge, each room whole on its bridge.
    auto c2 = modern.listing(a1->xmpp());
    auto c1 = old.listing(a1->xmpp());
    ASSERT_EQ(c2.conferences.size(), 1u) << focus().log();
    ASSERT_EQ(c1.conferences.size(), 1u) << focus().log();
    const std::string onModern = c2.conferences[0].name;
    EXPECT_TRUE(onModern == r1 || onModern == r2);
    EXPECT_EQ(c2.conferences[0].endpoints.size(), 2u);
    EXPECT_EQ(c1.channelCount(), 6u) << "two endpoints, three channels each, on the 2015 bridge";
}
