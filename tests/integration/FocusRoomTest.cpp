// The focus binary end to end over a real Prosody (issue 3): login both ways, the conference IQ, the room,
// roles, the end of a conference, hostile requests, restarts.
#include "integration/FocusHarness.h"
#include "protocol/muc/MucPresence.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::ConferenceIq;

namespace {
ConferenceIq conferenceOf(const xml::Element& reply) {
    EXPECT_EQ(reply.attr("type"), "result") << reply.toString();
    const auto* c = reply.child("conference", protocol::ns::kFocus);
    if (!c) return {};
    return ConferenceIq::parse(*c).value();
}
std::string errorOf(const xml::Element& reply) {
    if (reply.attr("type") != "error") return "(no error: " + reply.toString() + ")";
    auto iq = protocol::Iq::parse(reply);
    return iq && iq->error ? iq->error->condition : "?";
}
}  // namespace

TEST_F(FocusTest, CommandLineConnectsAndAnswersTheConferenceRequest) {
    startFocus();
    MeetClient alice(prosody());
    std::string r = room("hello");
    auto conf = conferenceOf(alice.requestConference(r));
    EXPECT_EQ(conf.room, r);
    EXPECT_EQ(conf.ready, true);
    EXPECT_EQ(conf.focusJid, "focus@" + prosody().authDomain());
    EXPECT_EQ(conf.property("authentication"), "false");
    EXPECT_EQ(stat(alice, "conferences"), "1");
    EXPECT_EQ(stat(alice, "graceful_shutdown"), "false");
}

TEST_F(FocusTest, FocusIsOwnerOfANonAnonymousRoom) {
    startFocus();
    MeetClient alice(prosody());
    std::string r = room("owner");
    conferenceOf(alice.requestConference(r));
    ASSERT_TRUE(alice.join(r, "alice"));
    // The focus's presence: owner, and its real JID visible to a plain participant (whois=anyone).
    auto focusPresence =
        alice.waitPresence(r + "/focus", [](const protocol::MucPresence& p) { return !p.unavailable; });
    ASSERT_TRUE(focusPresence) << focus().log();
    EXPECT_EQ(focusPresence->affiliation, protocol::MucAffiliation::Owner);
    EXPECT_EQ(focusPresence->realJid.bareStr(), "focus@" + prosody().authDomain());
}

TEST_F(FocusTest, FirstParticipantBecomesOwnerAndTheOwnerLeavingPromotesTheNext) {
    startFocus();
    MeetClient alice(prosody()), bob(prosody());
    std::string r = room("roles");
    conferenceOf(alice.requestConference(r));
    ASSERT_TRUE(alice.join(r, "alice"));
    auto aliceOwner = alice.waitPresence(r + "/alice", [](const protocol::MucPresence& p) {
        return p.affiliation == protocol::MucAffiliation::Owner && p.role == protocol::MucRole::Moderator;
    });
    ASSERT_TRUE(aliceOwner) << "alice is made owner (moderator)\n" << focus().log();
    conferenceOf(bob.requestConference(r));
    auto bobSelf = bob.join(r, "bob");
    ASSERT_TRUE(bobSelf);
    EXPECT_EQ(bobSelf->role, protocol::MucRole::Participant);
    EXPECT_NE(bobSelf->affiliation, protocol::MucAffiliation::Owner);
    alice.leave();
    auto bobOwner = bob.waitPresence(r + "/bob", [](const protocol::MucPresence& p) {
        return p.affiliation == protocol::MucAffiliation::Owner;
    });
    EXPECT_TRUE(bobOwner) << "bob promoted when alice left\n" << focus().log();
}

TEST_F(FocusTest, FocusLeavesTheRoomWhenEveryoneHasLeft) {
    startFocus();
    MeetClient alice(prosody()), bob(prosody()), observer(prosody());
    std::string r = room("empty");
    conferenceOf(alice.requestConference(r));
    ASSERT_TRUE(alice.join(r, "alice"));
    ASSERT_TRUE(bob.join(r, "bob"));
    EXPECT_EQ(stat(observer, "conferences"), "1");
    alice.leave();
    bob.leave();
    EXPECT_TRUE(waitStat(observer, "conferences", "0")) << focus().log();
    EXPECT_TRUE(focus().process().waitForLog("last participant left"));
    // The room is gone with its last occupant: joining creates a new one (status 201).
    auto again = observer.join(r, "late");
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->statusCodes.count(201)) << "the focus is no longer in the room";
}

TEST_F(FocusTest, IdleTimeoutEndsAConferenceNobodyJoined) {
    startFocus({"-Dorg.jitsi.focus.IDLE_TIMEOUT=500"});
    MeetClient alice(prosody());
    conferenceOf(alice.requestConference(room("idle")));
    EXPECT_EQ(stat(alice, "conferences"), "1");
    EXPECT_TRUE(waitStat(alice, "conferences", "0", 3000ms)) << focus().log();
    EXPECT_TRUE(focus().process().waitForLog("nobody joined within the idle timeout"));
}

TEST_F(FocusTest, HostileConferenceRequestsGetErrorsAndTheFocusGoesOn) {
    startFocus();
    MeetClient evil(prosody());
    auto focusJid = *util::Jid::parse(prosody().focusComponent());
    auto send = [&](xml::Element payload) {
        return evil.xmpp().request(protocol::Iq::request(protocol::IqType::Set, focusJid, payload));
    };
    xml::Element noRoom("conference", protocol::ns::kFocus);
    EXPECT_EQ(errorOf(send(noRoom)), "bad-request");
    xml::Element notAJid("conference", protocol::ns::kFocus);
    notAJid.setAttr("room", "this is not a room");
    EXPECT_EQ(errorOf(send(notAJid)), "bad-request");
    xml::Element huge("conference", protocol::ns::kFocus);
    huge.setAttr("room", room("huge"));
    huge.setAttr("session-id", std::string(50000, 'A'));
    EXPECT_EQ(errorOf(send(huge)), "bad-request");
    xml::Element wrongNs("conference", "urn:example:nope");
    wrongNs.setAttr("room", room("wrongns"));
    EXPECT_EQ(errorOf(send(wrongNs)), "feature-not-implemented");
    xml::Element empty("query", "jabber:iq:unknown");
    EXPECT_EQ(errorOf(evil.xmpp().request(protocol::Iq::request(protocol::IqType::Get, focusJid, empty))),
              "feature-not-implemented");
    // A stranger asking for a room on another server's MUC gets a room there? No: nothing was created.
    EXPECT_EQ(stat(evil, "conferences"), "0");
    // And the focus still serves everybody else.
    MeetClient alice(prosody());
    EXPECT_EQ(conferenceOf(alice.requestConference(room("fine"))).ready, true);
}

TEST_F(FocusTest, ComponentAnswersDiscoAndPing) {
    startFocus();
    MeetClient alice(prosody());
    auto focusJid = *util::Jid::parse(prosody().focusComponent());
    auto info = alice.xmpp().request(protocol::Iq::request(protocol::IqType::Get, focusJid,
                                                           xml::Element("query", protocol::ns::kDiscoInfo)));
    const auto* q = info.child("query", protocol::ns::kDiscoInfo);
    ASSERT_TRUE(q) << info.toString();
    EXPECT_EQ(q->child("identity")->attr("name"), "Jitsi Meet Focus");
    bool focusFeature = false;
    for (const auto* f : q->childrenNamed("feature")) focusFeature |= f->attr("var") == protocol::ns::kFocus;
    EXPECT_TRUE(focusFeature);
    auto pong = alice.xmpp().request(
        protocol::Iq::request(protocol::IqType::Get, focusJid, xml::Element("ping", protocol::ns::kPing)));
    EXPECT_EQ(pong.attr("type"), "result");
}

TEST_F(FocusTest, ProsodyRestartTheFocusComesBackAndRejoinsItsRoom) {
    startFocus();
    std::string r = room("restart");
    {
        MeetClient alice(prosody());
        conferenceOf(alice.requestConference(r));
        ASSERT_TRUE(alice.join(r, "alice"));
    }
    prosody().stop();
    prosody().start();
    // The focus reconnects by itself and rejoins the room it had.
    ASSERT_TRUE(focus().process().waitForLog("rejoin their rooms", 5000)) << focus().log();
    MeetClient alice(prosody());
    auto deadline = std::chrono::steady_clock::now() + 10s;
    bool rejoined = false;
    while (!rejoined && std::chrono::steady_clock::now() < deadline) {
        // The participant comes back (after a page reload it asks again) and finds the focus there.
        auto reply = alice.requestConference(r);
        if (reply.attr("type") == "result") rejoined = true;
        std::this_thread::sleep_for(100ms);
    }
    ASSERT_TRUE(rejoined);
    ASSERT_TRUE(alice.join(r, "alice2"));
    EXPECT_TRUE(alice.waitPresence(r + "/focus", [](const protocol::MucPresence& p) {
        return !p.unavailable;
    })) << focus().log();
    // And new conferences are served.
    MeetClient bob(prosody());
    EXPECT_EQ(conferenceOf(bob.requestConference(room("after"))).ready, true);
}

TEST_F(FocusTest, SigtermLeavesRoomsAndExitsZero) {
    startFocus();
    MeetClient alice(prosody());
    std::string r = room("sigterm");
    conferenceOf(alice.requestConference(r));
    ASSERT_TRUE(alice.join(r, "alice"));
    ASSERT_TRUE(
        alice.waitPresence(r + "/focus", [](const protocol::MucPresence& p) { return !p.unavailable; }));
    auto start = std::chrono::steady_clock::now();
    auto code = focus().process().stop(SIGTERM, 5000);
    auto took = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(code);
    EXPECT_EQ(*code, 0) << focus().log();
    EXPECT_LT(took, 3s);
    EXPECT_TRUE(alice.waitPresence(r + "/focus", [](const protocol::MucPresence& p) {
        return p.unavailable;
    })) << "the focus left the room before exiting";
}

TEST_F(FocusTest, BadConfigurationStopsStartupNamingTheSetting) {
    auto args = FocusProcess::commandLine(prosody(), true);
    args.insert(args.begin() + 1, "-Dorg.jitsi.focus.IDLE_TIMEOUT=soon");
    Subprocess bad(args, prosody().dir() + "/badconfig.log");
    auto code = bad.waitExit(5000);
    ASSERT_TRUE(code);
    EXPECT_NE(*code, 0);
    EXPECT_NE(bad.log().find("org.jitsi.focus.IDLE_TIMEOUT"), std::string::npos) << bad.log();
}

TEST_F(FocusTest, AnonymousFocusUserWorksToo) {
    // SASL ANONYMOUS needs an anonymous virtual host: the users' DOMAIN here.
    startFocus({"--user_domain=" + prosody().domain()}, /*withPassword=*/false);
    MeetClient alice(prosody());
    std::string r = room("anon");
    // Not an admin, but the creator of the room it joins first, so owner all the same.
    auto conf = conferenceOf(alice.requestConference(r));
    EXPECT_EQ(conf.focusJid, "focus@" + prosody().domain()) << "focusjid is always USER_NAME@USER_DOMAIN";
    EXPECT_EQ(conf.ready, true) << focus().log();
    EXPECT_TRUE(focus().process().waitForLog("joined and configured"));
}
