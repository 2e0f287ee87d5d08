// A room's endpoints on modern bridges (issue 13 §2, docs/media.md §2b): Colibri2Allocator on the focus
// user's stream (FakeChannel + IqRouter on a ManualLoop) with a Brewery whose bridges the test plays.
#include <gtest/gtest.h>

#include "bridge/Brewery.h"
#include "bridge/Colibri2Allocator.h"
#include "bridge/Colibri2Expiry.h"
#include "logic/bridge/BridgeHarness.h"
#include "media/OfferFactory.h"
#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/stanza/Namespaces.h"

using namespace jicofo;
using namespace jicofo::test;
using namespace std::chrono_literals;
namespace c2 = protocol::colibri2;

namespace {

const char* kBrewery = "jvbbrewery@internal.auth.example.com";
const char* kRoom = "r1@conference.example.com";

struct LostRecorder : bridge::AllocatorListener {
    std::vector<std::pair<std::string, std::vector<std::string>>> lost;
    void onParticipantsLost(const util::Jid& bridge, const std::vector<std::string>& endpoints) override {
        lost.emplace_back(bridge.resource(), endpoints);
    }
};

class Colibri2AllocatorTest : public ::testing::Test {
  protected:
    using Outcome = util::Result<bridge::Allocation, protocol::StanzaError>;

    Colibri2AllocatorTest() {
        h.registry.start();  // 2015 discovery: nothing there
        h.client.sent().clear();
        brewery.start();
        presence("focus", false, true);
        addBridge("jvb1", 0.1);
        addBridge("jvb2", 0.5);
        h.client.sent().clear();
        alloc = std::make_unique<bridge::Colibri2Allocator>(ctx, bjid(kRoom), "meeting-1", &lost);
    }

    static bridge::BrewerySettings settings() {
        bridge::BrewerySettings s;
        s.room = bjid(kBrewery);
        s.healthChecks = false;
        return s;
    }
    std::string occupant(const std::string& nick) { return std::string(kBrewery) + "/" + nick; }
    void presence(const std::string& nick, bool stats, bool self = false, const std::string& type = {},
                  double stress = 0, const std::string& region = {}) {
        xml::Element p = protocol::makePresence(h.client.localJid(), type);
        p.setAttr("from", occupant(nick));
        auto& x = p.addChild("x", protocol::ns::kMucUser);
        x.addChild("item").setAttr("affiliation", "none").setAttr("role", "participant");
        if (self) x.addChild("status").setAttr("code", "110");
        if (stats) {
            c2::BreweryStats s;
            s.stressLevel = stress;
            s.drain = false;
            s.healthy = true;
            s.region = region;
            p.children().push_back(s.toElement());
        }
        EXPECT_TRUE(brewery.handlePresence(p));
        h.loop.runPending();
    }
    void addBridge(const std::string& nick, double stress, const std::string& region = {}) {
        presence(nick, true, false, {}, stress, region);
    }

    static std::vector<protocol::jingle::Content> offerTemplate() {
        return media::OfferFactory::createTemplate(media::ParticipantFeatures{}, true);
    }
    void allocate(const std::string& endpoint, const std::string& region = {},
                  bridge::Colibri2Allocator* on = nullptr) {
        protocol::colibri::AllocateOptions options;
        options.region = region;
        handles[endpoint] =
            (on ? on : alloc.get())
                ->allocate(endpoint, offerTemplate(), options, std::nullopt,
                           [this, endpoint](Outcome r) { outcomes.insert_or_assign(endpoint, r); });
        h.loop.runPending();
    }
    // The pending conference-modify requests to a bridge, removed.
    std::vector<protocol::Iq> requests(const std::string& nick) {
        return h.takeIqs(occupant(nick), "conference-modify", c2::ns::kColibri2);
    }
    protocol::Iq request(const std::string& nick) {
        auto all = requests(nick);
        EXPECT_EQ(all.size(), 1u) << "requests to " << nick;
        for (std::size_t i = 1; i < all.size(); ++i) h.client.sent().push_back(all[i].toElement());
        return all.empty() ? protocol::Iq{} : all.front();
    }
    static c2::ConferenceModify modifyOf(const protocol::Iq& iq) {
        auto m = c2::ConferenceModify::parse(*iq.payload);
        EXPECT_TRUE(m) << (m ? "" : m.error().text);
        return m ? *m : c2::ConferenceModify{};
    }
    // The bridge's answer creating every endpoint of the request.
    void answerCreate(const protocol::Iq& iq, const std::string& ufrag = "ufragB") {
        c2::ConferenceModify req = modifyOf(iq);
        c2::ConferenceModified res;
        for (const auto& e : req.endpoints) {
            c2::Endpoint ep;
            ep.id = e.id;
            ep.transport = c2::Colibri2Transport{};
            protocol::jingle::Transport ice;
            ice.ufrag = ufrag;
            ice.pwd = "pwdB";
            ice.rtcpMux = true;
            ice.fingerprints.push_back({"sha-256", "actpass", std::nullopt, "AA:BB", {}});
            protocol::jingle::Candidate c;
            c.foundation = "1";
            c.id = "c1";
            c.ip = "127.0.0.1";
            c.port = 10000;
            c.priority = 1;
            c.protocol = "udp";
            c.type = "host";
            ice.candidates.push_back(c);
            ep.transport->ice = ice;
            ep.transport->addWebSocket("wss://127.0.0.1/colibri-ws/jvb1/" + e.id);
            if (e.transport && e.transport->sctp) {
                ep.transport->sctp = c2::Sctp{};
                ep.transport->sctp->port = 5000;
            }
            res.endpoints.push_back(ep);
        }
        c2::Sources fb;
        fb.mediaSources.push_back(c2::MediaSource::single("audio", "jvb-a0", 111));
        fb.mediaSources.push_back(c2::MediaSource::single("video", "jvb-v0", 222));
        res.sources = fb;
        h.reply(iq, res.toElement());
    }
    void answerError(const protocol::Iq& iq, c2::Colibri2Error e) {
        protocol::Iq err = iq.errorReply(e.toStanzaError());
        err.from = iq.to;
        err.to = h.client.localJid();
        h.router.handle(err.toElement());
        h.loop.runPending();
    }
    bridge::Allocation allocated(const std::string& endpoint, const std::string& nick = "jvb1") {
        allocate(endpoint);
        answerCreate(request(nick));
        EXPECT_TRUE(outcomes.count(endpoint) && outcomes.at(endpoint).ok()) << endpoint;
        return outcomes.count(endpoint) && outcomes.at(endpoint).ok() ? outcomes.at(endpoint).value()
                                                                      : bridge::Allocation{};
    }
    static protocol::jingle::MediaSources sources(uint32_t audio, uint32_t video) {
        protocol::jingle::MediaSources s;
        s.at("audio").sources.push_back(protocol::jingle::Source::make(audio));
        s.at("video").sources.push_back(protocol::jingle::Source::make(video));
        return s;
    }

    BridgeHarness h;
    bridge::Brewery brewery{h.loop, h.client, h.router, settings()};
    bridge::Colibri2Expiry expiry{h.loop, h.client, h.router, brewery, {}};
    bridge::Colibri2Context ctx{h.loop, h.client, h.router, brewery, expiry, 20s};
    LostRecorder lost;
    std::unique_ptr<bridge::Colibri2Allocator> alloc;
    std::map<std::string, Outcome> outcomes;
    std::map<std::string, bridge::MediaAllocator::Handle> handles;
};

TEST_F(Colibri2AllocatorTest, FirstEndpointCreatesTheConferenceOnceAndTheAnswerFeedsTheOffer) {
    allocate("alice");
    allocate("bob");
    auto all = requests("jvb1");  // the least stressed bridge; bob waits for the conference
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].type, protocol::IqType::Set);
    c2::ConferenceModify create = modifyOf(all[0]);
    EXPECT_TRUE(create.create);
    EXPECT_EQ(create.meetingId, "meeting-1");
    EXPECT_EQ(create.name, kRoom);
    ASSERT_EQ(create.endpoints.size(), 1u);
    const c2::Endpoint& ep = create.endpoints[0];
    EXPECT_EQ(ep.id, "alice");
    EXPECT_TRUE(ep.create);
    EXPECT_TRUE(ep.hasCapability("source-names"));
    ASSERT_TRUE(ep.transport);
    EXPECT_EQ(ep.transport->iceControlling, true);
    EXPECT_TRUE(ep.transport->sctp) << "data is offered";
    ASSERT_NE(ep.media("audio"), nullptr);
    EXPECT_FALSE(ep.media("audio")->payloadTypes.empty());
    ASSERT_NE(ep.media("video"), nullptr);

    answerCreate(all[0]);
    ASSERT_TRUE(outcomes.count("alice") && outcomes.at("alice").ok());
    const bridge::Allocation& a = outcomes.at("alice").value();
    auto transports = a.offerTransports();
    ASSERT_EQ(transports.size(), 3u);  // audio, video, data share the bundle transport
    EXPECT_EQ(transports.at("audio").ufrag, "ufragB");
    EXPECT_EQ(transports.at("data").fingerprints.at(0).value, "AA:BB");
    EXPECT_EQ(a.bridgeSsrcs(), (std::map<std::string, uint32_t>{{"audio", 111}, {"video", 222}}));
    EXPECT_EQ(a.colibri2->sctpPort, 5000);
    EXPECT_EQ(a.colibri2->webSockets.size(), 1u);

    auto second = modifyOf(request("jvb1"));  // bob, now that the conference exists
    EXPECT_FALSE(second.create);
    EXPECT_TRUE(second.name.empty());
    EXPECT_EQ(second.endpoints.at(0).id, "bob");
    EXPECT_EQ(alloc->bridgesInUse(), std::vector<util::Jid>{bjid(occupant("jvb1"))});
}

TEST_F(Colibri2AllocatorTest, AnswersAndLeavesBecomeEndpointUpdatesAndExpiries) {
    auto alice = allocated("alice");
    auto bob = allocated("bob");
    protocol::jingle::Jingle accept;
    protocol::jingle::Content content;
    content.name = "audio";
    protocol::jingle::Transport t;
    t.ufrag = "clientU";
    t.pwd = "clientP";
    content.transport = t;
    accept.contents.push_back(content);
    alloc->accepted(alice, accept, sources(1111, 2222), {"audio", "video", "data"});
    auto update = modifyOf(request("jvb1"));
    ASSERT_EQ(update.endpoints.size(), 1u);
    const auto& ep = update.endpoints[0];
    EXPECT_FALSE(ep.create);
    ASSERT_TRUE(ep.transport && ep.transport->ice);
    EXPECT_EQ(ep.transport->ice->ufrag, "clientU");
    ASSERT_TRUE(ep.sources);
    ASSERT_NE(ep.sources->find("alice-a0"), nullptr) << "a source without a name gets EPID-a0";
    ASSERT_NE(ep.sources->find("alice-v0"), nullptr);

    alloc->sourcesChanged(alice, sources(1111, 3333));
    auto changed = modifyOf(request("jvb1"));
    EXPECT_FALSE(changed.endpoints.at(0).transport);
    EXPECT_EQ(changed.endpoints.at(0).sources->find("alice-v0")->ssrcs(), std::vector<uint32_t>{3333});

    alloc->expire(bob);
    auto leave = modifyOf(request("jvb1"));
    EXPECT_TRUE(leave.endpoints.at(0).expire);
    EXPECT_EQ(leave.endpoints.at(0).id, "bob");
    alloc->expire(bob);  // stale: nothing more
    EXPECT_TRUE(requests("jvb1").empty());

    // The last endpoint goes: the bridge ends the conference itself; the next allocation creates again.
    alloc->expire(alice);
    h.reply(request("jvb1"));
    EXPECT_TRUE(alloc->bridgesInUse().empty());
    allocate("carol");
    EXPECT_TRUE(modifyOf(request("jvb1")).create);
}

// docs/media.md §1.5: a new conference goes to the least loaded bridge in its first participant's region,
// failing that the least loaded of all; whoever comes later joins the conference's bridge, whatever their
// region.
TEST_F(Colibri2AllocatorTest, FirstParticipantsRegionChoosesTheBridgeAndTheOthersFollow) {
    addBridge("eu1", 0.7, "eu-west");
    addBridge("eu2", 0.6, "eu-west");
    addBridge("us1", 0.2, "us-east");
    allocate("alice", "eu-west");
    EXPECT_TRUE(requests("jvb1").empty()) << "jvb1 is less loaded but has no region";
    auto create = request("eu2");  // the less loaded of the two in eu-west
    EXPECT_TRUE(modifyOf(create).create);
    answerCreate(create);
    allocate("bob", "us-east");
    EXPECT_FALSE(modifyOf(request("eu2")).create) << "bob joins the conference's bridge";
    EXPECT_TRUE(requests("us1").empty());

    // Other rooms: a region with bridges gets its own; one without gets the least loaded of all.
    bridge::Colibri2Allocator r2(ctx, bjid("r2@conference.example.com"), "meeting-2");
    allocate("carol", "us-east", &r2);
    EXPECT_TRUE(modifyOf(request("us1")).create);
    bridge::Colibri2Allocator r3(ctx, bjid("r3@conference.example.com"), "meeting-3");
    allocate("dave", "ap-south", &r3);
    EXPECT_TRUE(modifyOf(request("jvb1")).create);
    bridge::Colibri2Allocator r4(ctx, bjid("r4@conference.example.com"), "meeting-4");
    allocate("erin", "", &r4);
    EXPECT_TRUE(modifyOf(request("jvb1")).create) << "no region: the least loaded";
}

// A region whose only bridge fails: the allocation moves to the least loaded of the others.
TEST_F(Colibri2AllocatorTest, FailedRegionBridgeFallsBackToAnyOther) {
    addBridge("eu1", 0.7, "eu-west");
    allocate("alice", "eu-west");
    answerError(request("eu1"), c2::Colibri2Error::gracefulShutdown());
    requests("eu1");  // its conference's expiry
    answerCreate(request("jvb1"));
    ASSERT_TRUE(outcomes.count("alice") && outcomes.at("alice").ok());
    EXPECT_EQ(outcomes.at("alice")->bridge, bjid(occupant("jvb1")));
}

TEST_F(Colibri2AllocatorTest, GracefulShutdownMovesTheRoomToAnotherBridge) {
    auto alice = allocated("alice");
    allocate("bob");
    answerError(request("jvb1"), c2::Colibri2Error::gracefulShutdown());
    // alice is lost with jvb1 (the conference re-invites her), bob goes to jvb2 with a new conference.
    ASSERT_EQ(lost.lost.size(), 1u);
    EXPECT_EQ(lost.lost[0].first, "jvb1");
    EXPECT_EQ(lost.lost[0].second, std::vector<std::string>{"alice"});
    EXPECT_TRUE(brewery.find(bjid(occupant("jvb1")))->gracefulShutdown());
    auto expires = requests("jvb1");
    ASSERT_EQ(expires.size(), 1u) << "the room's conference on jvb1 is expired";
    EXPECT_TRUE(modifyOf(expires[0]).expire);
    auto moved = request("jvb2");
    EXPECT_TRUE(modifyOf(moved).create);
    answerCreate(moved);
    ASSERT_TRUE(outcomes.at("bob").ok());
    EXPECT_EQ(outcomes.at("bob")->bridge, bjid(occupant("jvb2")));
    // alice's re-invitation goes to the room's new bridge.
    allocated("alice", "jvb2");
}

TEST_F(Colibri2AllocatorTest, TimeoutMarksTheBridgeAndMovesOn) {
    allocate("alice");
    request("jvb1");  // never answered
    h.loop.advance(21s);
    EXPECT_FALSE(brewery.selector().isOperational(*brewery.find(bjid(occupant("jvb1"))), h.loop.now()));
    auto moved = request("jvb2");
    answerCreate(moved);
    ASSERT_TRUE(outcomes.count("alice") && outcomes.at("alice").ok());
}

TEST_F(Colibri2AllocatorTest, BadRequestIsNotRetried) {
    allocate("alice");
    answerError(request("jvb1"), c2::Colibri2Error::badRequest("Source name support is mandatory"));
    ASSERT_TRUE(outcomes.count("alice"));
    EXPECT_FALSE(outcomes.at("alice").ok());
    EXPECT_EQ(outcomes.at("alice").error().condition, "bad-request");
    EXPECT_TRUE(requests("jvb2").empty());
    EXPECT_TRUE(brewery.selector().isOperational(*brewery.find(bjid(occupant("jvb1"))), h.loop.now()));
}

TEST_F(Colibri2AllocatorTest, ConferenceNotFoundReinvitesAndCreatesAgain) {
    auto alice = allocated("alice");
    auto bob = allocated("bob");
    alloc->sourcesChanged(alice, sources(1, 2));
    answerError(request("jvb1"), c2::Colibri2Error::conferenceNotFound("meeting-1"));
    ASSERT_EQ(lost.lost.size(), 1u);
    EXPECT_EQ(lost.lost[0].second, (std::vector<std::string>{"alice", "bob"}));
    EXPECT_TRUE(requests("jvb1").empty()) << "nothing to expire on a bridge that forgot the conference";
    allocate("alice");
    EXPECT_TRUE(modifyOf(request("jvb1")).create);
}

TEST_F(Colibri2AllocatorTest, AlreadyExistingConferenceIsJoinedWithoutCreate) {
    allocate("alice");
    answerError(request("jvb1"), c2::Colibri2Error::conferenceAlreadyExists("meeting-1"));
    auto again = modifyOf(request("jvb1"));
    EXPECT_FALSE(again.create);
    EXPECT_EQ(again.endpoints.at(0).id, "alice");
}

TEST_F(Colibri2AllocatorTest, CancelledAllocationIsExpiredWhenItsAnswerComes) {
    allocate("alice");
    auto create = request("jvb1");
    alloc->cancel(handles["alice"]);
    answerCreate(create);
    EXPECT_FALSE(outcomes.count("alice"));
    auto expire = modifyOf(request("jvb1"));
    EXPECT_TRUE(expire.endpoints.at(0).expire);
}

TEST_F(Colibri2AllocatorTest, ExpiriesAreKeptUntilTheBridgeIsBack) {
    auto alice = allocated("alice");
    auto bob = allocated("bob");
    alloc->expire(bob);
    auto first = request("jvb1");
    // jvb1 left the brewery before it got it: the MUC bounces the IQ (no colibri2 reason).
    presence("jvb1", false, false, "unavailable");
    h.fail(first, "item-not-found");
    ASSERT_EQ(lost.lost.size(), 1u);  // alice, with jvb1
    auto conferenceExpire = request("jvb1");
    EXPECT_TRUE(modifyOf(conferenceExpire).expire);
    h.loop.advance(70s);  // no answer either
    EXPECT_EQ(expiry.pendingRequests(), 2u) << "bob's endpoint and the conference";
    EXPECT_TRUE(requests("jvb1").empty()) << "not resent while jvb1 is away";
    addBridge("jvb1", 0.1);
    auto resent = requests("jvb1");
    EXPECT_EQ(resent.size(), 2u);
    for (const auto& iq : resent) h.reply(iq);
    EXPECT_EQ(expiry.pendingRequests(), 0u);
}

TEST_F(Colibri2AllocatorTest, ConferenceEndExpiresTheConference) {
    allocated("alice");
    allocated("bob");
    alloc->expireAll();
    auto end = modifyOf(request("jvb1"));
    EXPECT_TRUE(end.expire);
    EXPECT_EQ(end.meetingId, "meeting-1");
    EXPECT_TRUE(end.endpoints.empty());
}

}  // namespace

// The room's muc#roominfo_meetingId names the conference on the bridge; it is taken only while the room
// has nothing there (a conference keeps its id to the end).
TEST_F(Colibri2AllocatorTest, RoomMeetingIdNamesTheConferenceWhenNothingIsOnABridge) {
    alloc->setMeetingId("5cd2aa7b-1f2a-4e71-9a0d-2c0d1f4e8b11");
    EXPECT_EQ(alloc->meetingId(), "5cd2aa7b-1f2a-4e71-9a0d-2c0d1f4e8b11");
    allocate("alice");
    auto create = request("jvb1");
    EXPECT_TRUE(modifyOf(create).create);
    EXPECT_EQ(modifyOf(create).meetingId, "5cd2aa7b-1f2a-4e71-9a0d-2c0d1f4e8b11");
    answerCreate(create);
    alloc->setMeetingId("another");  // the conference is in use: kept
    EXPECT_EQ(alloc->meetingId(), "5cd2aa7b-1f2a-4e71-9a0d-2c0d1f4e8b11");
    allocate("bob");
    EXPECT_EQ(modifyOf(request("jvb1")).meetingId, "5cd2aa7b-1f2a-4e71-9a0d-2c0d1f4e8b11");
    alloc->setMeetingId("");  // no id from the room: the current one stays
    EXPECT_EQ(alloc->meetingId(), "5cd2aa7b-1f2a-4e71-9a0d-2c0d1f4e8b11");
}

TEST_F(Colibri2AllocatorTest, ForceMuteGoesToTheEndpointAndItsAnswerToTheCaller) {
    auto alice = allocated("alice");
    std::optional<bool> ok;
    alloc->forceMute(alice, true, false, [&](const auto& r) { ok = r.ok(); });
    h.loop.runPending();
    auto iq = request("jvb1");
    auto mute = modifyOf(iq);
    EXPECT_EQ(mute.meetingId, "meeting-1");
    ASSERT_EQ(mute.endpoints.size(), 1u);
    EXPECT_EQ(mute.endpoints[0].id, "alice");
    ASSERT_TRUE(mute.endpoints[0].forceMute);
    EXPECT_TRUE(mute.endpoints[0].forceMute->audio);
    EXPECT_FALSE(mute.endpoints[0].forceMute->video);
    EXPECT_FALSE(mute.endpoints[0].create || mute.endpoints[0].expire || mute.endpoints[0].sources);
    EXPECT_FALSE(ok) << "the answer waits for the bridge";
    h.reply(iq);
    EXPECT_EQ(ok, true);

    // The bridge lost the endpoint: the caller hears the error, the participant is re-invited.
    ok.reset();
    alloc->forceMute(alice, false, false, [&](const auto& r) { ok = r.ok(); });
    h.loop.runPending();
    answerError(request("jvb1"), c2::Colibri2Error::unknownEndpoint("alice"));
    EXPECT_EQ(ok, false);
    h.loop.runPending();
    ASSERT_EQ(lost.lost.size(), 1u);
    EXPECT_EQ(lost.lost[0].second, std::vector<std::string>{"alice"});

    // A gone endpoint: item-not-found, nothing sent.
    ok.reset();
    std::string condition;
    alloc->forceMute(alice, true, false, [&](const auto& r) {
        ok = r.ok();
        if (!r) condition = r.error().condition;
    });
    h.loop.runPending();
    EXPECT_EQ(ok, false);
    EXPECT_EQ(condition, "item-not-found");
    EXPECT_TRUE(requests("jvb1").empty());
}
