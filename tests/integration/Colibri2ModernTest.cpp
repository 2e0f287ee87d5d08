// What 2021+ clients expect of the focus with a modern bridge (issue 13 §2, docs/media.md §1.5, §2b, §3.7,
// §3.7a), end to end: the focus binary with BRIDGE_MUC, the Colibri2 bridge simulator (tests/bridgesim2) in
// the brewery, participants as real XMPP clients, a real Prosody whose conference rooms carry a meeting id
// (resources/prosody/plugins/mod_muc_meeting_id.lua, as Jitsi's mod_muc_meeting_id).
//  - the room's muc#roominfo_meetingId is the Colibri2 conference's meeting-id;
//  - a moderator's mute reaches the bridge as <force-mute audio='true'>;
//  - session-terminate with <bridge-session restart='true'> expires the endpoint and re-invites;
//  - a client advertising json-encoded-sources gets the others' sources as <json-message>.
#include <algorithm>
#include <cctype>

#include "integration/FocusHarness.h"
#include "protocol/colibri2/MediaSource.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/focus/ConferencePropertiesExt.h"
#include "protocol/focus/MuteIq.h"
#include "protocol/jingle/JingleNamespaces.h"
#include "protocol/jingle/JsonSources.h"
#include "support/BridgeSim2Process.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::Jingle;
using protocol::jingle::JingleAction;

namespace {

class Colibri2ModernTest : public FocusTest {
  protected:
    static void SetUpTestSuite() {
        ProsodyFixture::Options o;
        o.meetingIds = true;
        prosody_ = new ProsodyFixture(o);
        prosody().registerUser("jvb", prosody().authDomain(), "jvbpass");
    }
    void SetUp() override {
        BridgeSim2Process::Options o;
        o.nick = "jvb1";
        bridge_ = std::make_unique<BridgeSim2Process>(prosody(), o);
        ASSERT_TRUE(bridge_->waitJoined()) << bridge_->log();
        startFocus({"-Dorg.jitsi.jicofo.BRIDGE_MUC=" + prosody().breweryRoom()});
        ASSERT_TRUE(focus().process().waitForLog(
            "brewery: bridge " + bridge_->occupantJid().str() + " joined", 10000))
            << focus().log();
    }
    void TearDown() override {
        focus_.reset();
        bridge_.reset();
    }
    // The room as the MUC service names it (lower case).
    std::string room(const std::string& name) {
        std::string r = FocusTest::room(name);
        std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
        return r;
    }
    std::unique_ptr<MediaClient> participant(const std::string& r, const std::string& nick,
                                             std::vector<std::string> features = {}) {
        auto c = std::make_unique<MediaClient>(prosody(), std::move(features));
        EXPECT_EQ(c->requestConference(r).attr("type"), "result");
        EXPECT_TRUE(c->join(r, nick));
        return c;
    }
    // The room's meeting id as anyone can read it in its disco#info (mod_muc_meeting_id).
    static std::string roomMeetingId(MeetClient& c, const std::string& r) {
        auto reply = c.xmpp().request(protocol::Iq::request(protocol::IqType::Get, *util::Jid::parse(r),
                                                            xml::Element("query", protocol::ns::kDiscoInfo)));
        if (const auto* q = reply.child("query", protocol::ns::kDiscoInfo))
            if (const auto* x = q->child("x", protocol::ns::kDataForms))
                for (const auto* f : x->childrenNamed("field"))
                    if (f->attr("var") == "muc#roominfo_meetingId" && f->child("value"))
                        return f->child("value")->text();
        return {};
    }
    bridgesim2::Listing listing(MeetClient& via) { return bridge_->listing(via.xmpp()); }

    std::unique_ptr<BridgeSim2Process> bridge_;
};

// The same restart through a 2015 bridge (tests/bridgesim): both generations restart alike.
class Restart2015Test : public FocusTest {
  protected:
    void SetUp() override {
        bridge_ = std::make_unique<BridgeSimProcess>(prosody());
        ASSERT_TRUE(bridge_->waitReady()) << bridge_->log();
        startFocus();
    }
    void TearDown() override {
        focus_.reset();
        bridge_.reset();
    }
    std::unique_ptr<BridgeSimProcess> bridge_;
};

// The channel ids of nick on the bridge (the test's room is its only conference).
std::vector<std::string> channelIds(const bridgesim::LiveListing& l, const std::string& nick) {
    std::vector<std::string> out;
    for (const auto& c : l.conferences)
        for (const auto* ch : c.channelsOf(nick)) out.push_back(ch->id);
    return out;
}

}  // namespace

TEST_F(Colibri2ModernTest, TheRoomsMeetingIdNamesTheConferenceOnTheBridge) {
    std::string r = room("c2meeting");
    auto alice = participant(r, "alice");
    auto bob = participant(r, "bob");
    ASSERT_TRUE(alice->waitJingle(JingleAction::SessionInitiate)) << focus().log();
    std::string meetingId = roomMeetingId(*alice, r);
    ASSERT_EQ(meetingId.size(), 36u) << "mod_muc_meeting_id gave the room a UUID\n" << prosody().logTail();
    auto l = listing(*alice);
    ASSERT_NE(l.byName(r), nullptr) << focus().log();
    EXPECT_EQ(l.byName(r)->meetingId, meetingId);
    ASSERT_EQ(l.eventsOf("conference-create").size(), 1u);
    EXPECT_EQ(l.eventsOf("conference-create")[0].meetingId, meetingId);
    EXPECT_TRUE(focus().process().waitForLog("meeting id " + meetingId, 1000)) << focus().log();
}

TEST_F(Colibri2ModernTest, TheFocusAnnouncesTerminateRestart) {
    std::string r = room("c2props");
    auto alice = participant(r, "alice");
    // In the focus's presence in the room, as anyone joining sees it.
    bool announced = false;
    MeetClient watcher(prosody());
    watcher.xmpp().send(protocol::makeMucJoin(*util::Jid::parse(r + "/watcher"), {}));
    watcher.xmpp().waitFor(
        [&](const xml::Element& e) {
            if (e.name() != "presence" || e.attr("from") != r + "/focus") return false;
            const auto* props = e.child("conference-properties", protocol::ns::kFocus);
            if (!props) return false;
            auto parsed = protocol::ConferencePropertiesExt::parse(*props);
            announced = parsed && parsed->get("support-terminate-restart") == "true";
            return true;
        },
        util::Duration(5000));
    EXPECT_TRUE(announced) << "conference-properties support-terminate-restart=true";
    // And in the disco#info of focus.DOMAIN.
    auto reply = alice->xmpp().request(
        protocol::Iq::request(protocol::IqType::Get, *util::Jid::parse(prosody().focusComponent()),
                              xml::Element("query", protocol::ns::kDiscoInfo)));
    auto info = protocol::DiscoInfo::parse(*reply.child("query", protocol::ns::kDiscoInfo));
    ASSERT_TRUE(info);
    EXPECT_NE(std::find(info->features.begin(), info->features.end(),
                        "https://jitsi.org/meet/jicofo/terminate-restart"),
              info->features.end());
}

TEST_F(Colibri2ModernTest, AModeratorsMuteReachesTheBridgeAsForceMute) {
    std::string r = room("c2mute");
    auto alice = participant(r, "alice");
    ASSERT_TRUE(alice->waitPresence(
        r + "/alice", [](const protocol::MucPresence& p) { return p.role == protocol::MucRole::Moderator; }))
        << "alice is made moderator\n"
        << focus().log();
    auto bob = participant(r, "bob");
    ASSERT_TRUE(alice->waitJingle(JingleAction::SessionInitiate)) << focus().log();
    ASSERT_TRUE(bob->waitJingle(JingleAction::SessionInitiate)) << focus().log();

    protocol::MuteIq m;
    m.jid = *util::Jid::parse(r + "/bob");
    m.mute = true;
    auto reply = alice->xmpp().request(
        protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(r + "/focus"), m.toElement()));
    EXPECT_EQ(reply.attr("type"), "result") << reply.toString() << focus().log();
    auto l = listing(*alice);
    const auto* conf = l.byName(r);
    ASSERT_NE(conf, nullptr);
    const auto* ep = conf->endpoint("bob");
    ASSERT_NE(ep, nullptr);
    ASSERT_TRUE(ep->forceMute) << "the bridge got <force-mute> for bob";
    EXPECT_TRUE(ep->forceMute->audio);
    EXPECT_FALSE(ep->forceMute->video);
    const auto* aliceEp = conf->endpoint("alice");
    ASSERT_NE(aliceEp, nullptr);
    EXPECT_FALSE(aliceEp->forceMute);
    // Bob is told, and may unmute himself: force-mute audio='false'.
    auto told = bob->xmpp().waitFor(
        [](const xml::Element& e) { return e.name() == "iq" && e.child("mute", protocol::ns::kAudioMute); },
        util::Duration(5000));
    ASSERT_TRUE(told);
    m.jid = *util::Jid::parse(r + "/bob");
    m.mute = false;
    reply = bob->xmpp().request(
        protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(r + "/focus"), m.toElement()));
    EXPECT_EQ(reply.attr("type"), "result");
    l = listing(*alice);
    ASSERT_TRUE(l.byName(r) && l.byName(r)->endpoint("bob") && l.byName(r)->endpoint("bob")->forceMute);
    EXPECT_FALSE(l.byName(r)->endpoint("bob")->forceMute->audio);
}

TEST_F(Colibri2ModernTest, TerminateWithRestartExpiresTheEndpointAndReinvites) {
    std::string r = room("c2restart");
    auto alice = participant(r, "alice");
    auto bob = participant(r, "bob");
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    auto bobOffer = bob->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && bobOffer) << focus().log();
    ASSERT_TRUE(aliceOffer->bridgeSession) << "offers carry <bridge-session id>";
    EXPECT_EQ(alice->accept(*aliceOffer, 1111, 2222).attr("type"), "result");
    EXPECT_EQ(bob->accept(*bobOffer, 3333, 4444).attr("type"), "result");
    ASSERT_TRUE(bob->waitJingle(JingleAction::SourceAdd));
    ASSERT_TRUE(alice->waitJingle(JingleAction::SourceAdd));
    auto before = listing(*alice).byName(r)->endpoint("alice")->ufrag;

    Jingle t;
    t.action = JingleAction::SessionTerminate;
    t.sid = aliceOffer->sid;
    t.reason = protocol::jingle::Reason{"success", "ICE failed", {}};
    t.bridgeSession = protocol::jingle::BridgeSession{aliceOffer->bridgeSession->id, "", true, {}};
    EXPECT_EQ(alice->sendJingle(t).attr("type"), "result") << focus().log();

    auto removed = bob->waitJingle(JingleAction::SourceRemove);
    ASSERT_TRUE(removed) << "bob stops hearing alice's old sources\n" << focus().log();
    auto again = alice->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(again) << "alice is re-invited\n" << focus().log();
    EXPECT_NE(again->sid, aliceOffer->sid);
    ASSERT_TRUE(again->bridgeSession);
    EXPECT_NE(again->bridgeSession->id, aliceOffer->bridgeSession->id);
    auto l = listing(*alice);
    EXPECT_EQ(l.eventsOf("endpoint-expire", "alice").size(), 1u) << focus().log();
    EXPECT_EQ(l.eventsOf("endpoint-create", "alice").size(), 2u);
    ASSERT_TRUE(l.byName(r) && l.byName(r)->endpoint("alice"));
    EXPECT_NE(l.byName(r)->endpoint("alice")->ufrag, before) << "a new endpoint with a new transport";
    EXPECT_EQ(again->contents[0].transport->ufrag, l.byName(r)->endpoint("alice")->ufrag);
    // The new session works as the first did.
    EXPECT_EQ(alice->accept(*again, 5555, 6666).attr("type"), "result");
    auto add = bob->waitJingle(JingleAction::SourceAdd);
    ASSERT_TRUE(add) << focus().log();
}

TEST_F(Colibri2ModernTest, AJsonSourcesClientGetsNamedSourcesAsJson) {
    std::string r = room("c2json");
    auto alice = participant(r, "alice", {protocol::jingle::ns::kJsonSourcesFeature});
    auto bob = participant(r, "bob");  // a 2015 client: XML
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    auto bobOffer = bob->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && bobOffer) << focus().log();
    ASSERT_TRUE(aliceOffer->jsonMessage) << "the session-initiate carries a json-message";
    EXPECT_FALSE(bobOffer->jsonMessage);
    EXPECT_EQ(bob->accept(*bobOffer, 3333, 4444).attr("type"), "result");
    EXPECT_EQ(alice->accept(*aliceOffer, 1111, 2222).attr("type"), "result");

    auto toAlice = alice->waitJingle(JingleAction::SourceAdd);
    ASSERT_TRUE(toAlice) << focus().log();
    ASSERT_TRUE(toAlice->jsonMessage) << "sources for alice come as JSON";
    EXPECT_TRUE(toAlice->contents.empty());
    auto parsed = protocol::jingle::JsonSources::parse(toAlice->jsonMessage->text);
    ASSERT_TRUE(parsed) << toAlice->jsonMessage->text;
    ASSERT_EQ(parsed->endpoints.size(), 1u);
    EXPECT_EQ(parsed->endpoints[0].owner, r + "/bob");
    auto sources = parsed->toMediaSources();
    const auto* audio = sources.findSource(3333);
    const auto* video = sources.findSource(4444);
    ASSERT_TRUE(audio && video) << toAlice->jsonMessage->text;
    EXPECT_EQ(protocol::colibri2::sourceName(*audio), "bob-a0");
    EXPECT_EQ(protocol::colibri2::sourceName(*video), "bob-v0");

    auto toBob = bob->waitJingle(JingleAction::SourceAdd);
    ASSERT_TRUE(toBob);
    EXPECT_FALSE(toBob->jsonMessage) << "bob reads XML";
    bool found = false;
    for (const auto& c : toBob->contents)
        if (c.description)
            for (const auto& s : c.description->sources) found |= s.ssrc == 2222u;
    EXPECT_TRUE(found);

    // Bob leaves: alice hears it as JSON too.
    bob->leave();
    auto removed = alice->waitJingle(JingleAction::SourceRemove);
    ASSERT_TRUE(removed && removed->jsonMessage) << focus().log();
    auto gone = protocol::jingle::JsonSources::parse(removed->jsonMessage->text);
    ASSERT_TRUE(gone);
    EXPECT_TRUE(gone->toMediaSources().findSource(3333));
}

TEST_F(Restart2015Test, IceFailedSessionInfoGetsNewChannelsAndANewOffer) {
    std::string r = room("restart2015");
    auto alice = std::make_unique<MediaClient>(prosody());
    ASSERT_EQ(alice->requestConference(r).attr("type"), "result");
    ASSERT_TRUE(alice->join(r, "alice"));
    auto bob = std::make_unique<MediaClient>(prosody());
    ASSERT_EQ(bob->requestConference(r).attr("type"), "result");
    ASSERT_TRUE(bob->join(r, "bob"));
    auto aliceOffer = alice->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(aliceOffer && aliceOffer->bridgeSession) << focus().log();
    EXPECT_EQ(alice->accept(*aliceOffer, 1111, 2222).attr("type"), "result");
    auto before = channelIds(bridge_->listing(alice->xmpp()), "alice");
    ASSERT_FALSE(before.empty()) << focus().log();

    Jingle info;
    info.action = JingleAction::SessionInfo;
    info.sid = aliceOffer->sid;
    info.iceState = protocol::jingle::IceState{"failed"};
    info.bridgeSession = protocol::jingle::BridgeSession{aliceOffer->bridgeSession->id, "", std::nullopt, {}};
    EXPECT_EQ(alice->sendJingle(info).attr("type"), "result") << focus().log();
    auto terminate = alice->waitJingle(JingleAction::SessionTerminate);
    ASSERT_TRUE(terminate) << focus().log();
    EXPECT_EQ(terminate->sid, aliceOffer->sid);
    auto again = alice->waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(again) << focus().log();
    EXPECT_NE(again->sid, aliceOffer->sid);
    auto after = channelIds(bridge_->listing(alice->xmpp()), "alice");
    ASSERT_FALSE(after.empty());
    for (const auto& id : after)
        EXPECT_EQ(std::find(before.begin(), before.end(), id), before.end())
            << "old channel " << id << " kept";
}
