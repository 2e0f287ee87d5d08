// The secure domain of the original README end to end (issue 5): Prosody with DOMAIN needing an account and
// guest.DOMAIN anonymous, the focus binary with org.jitsi.jicofo.auth.URL=XMPP:DOMAIN, participants as real
// XMPP clients. Who may create a room, the session flow, login-url/logout, the refusals.
#include "http/reservation/ReservationTime.h"
#include "integration/FocusHarness.h"
#include "protocol/focus/LoginUrlIq.h"
#include "protocol/focus/LogoutIq.h"
#include "protocol/focus/MuteIq.h"
#include "protocol/muc/MucPresence.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"
#include "unit/http/FakeReservationApi.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::ConferenceIq;

namespace {

const std::string kMachine = "7d5e0f1c2b3a";

std::string errorOf(const xml::Element& reply) {
    if (reply.attr("type") != "error") return "(no error: " + reply.toString() + ")";
    auto iq = protocol::Iq::parse(reply);
    return iq && iq->error ? iq->error->condition : "?";
}
std::string errorText(const xml::Element& reply) {
    auto iq = protocol::Iq::parse(reply);
    return iq && iq->error ? iq->error->text : "";
}
ConferenceIq resultOf(const xml::Element& reply) {
    EXPECT_EQ(reply.attr("type"), "result") << reply.toString();
    const auto* c = reply.child("conference", protocol::ns::kFocus);
    return c ? ConferenceIq::parse(*c).value() : ConferenceIq{};
}

class SecureDomainTest : public FocusTest {
  protected:
    static void SetUpTestSuite() {
        ProsodyFixture::Options o;
        o.secureDomain = true;
        prosody_ = new ProsodyFixture(o);
        prosody_->registerUser("alice", prosody_->domain(), "alice-pw");
    }
    FocusProcess& startSecureFocus(std::vector<std::string> extra = {}) {
        extra.insert(extra.begin(), "-Dorg.jitsi.jicofo.auth.URL=XMPP:" + prosody().domain());
        return startFocus(extra);
    }
    std::unique_ptr<MeetClient> alice() {
        return std::make_unique<MeetClient>(
            prosody(), TestClient::user(prosody(), "alice", "alice-pw", prosody().domain()));
    }
    // The conference IQ as the 2015 client sends it, with a session and machine of our choice.
    static xml::Element ask(MeetClient& c, const std::string& room, std::optional<std::string> session,
                            std::optional<std::string> machine = kMachine) {
        ConferenceIq conf;
        conf.room = room;
        conf.sessionId = std::move(session);
        conf.machineUid = std::move(machine);
        conf.addProperty("openSctp", "true");
        return c.xmpp().request(
            protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(prosody().focusComponent()),
                                  conf.toElement()),
            util::Duration(10000));
    }
    static xml::Element component(MeetClient& c, protocol::IqType type, xml::Element payload) {
        return c.xmpp().request(
            protocol::Iq::request(type, *util::Jid::parse(prosody().focusComponent()), std::move(payload)));
    }
    // A session of alice, made by a conference IQ from her account (which creates `room`).
    std::string aliceSession(const std::string& room) {
        auto a = alice();
        auto conf = resultOf(ask(*a, room, std::nullopt));
        EXPECT_EQ(conf.identity, "alice@" + prosody().domain());
        return conf.sessionId.value_or("");
    }
    // Whether occupant's presence shows owner/moderator within timeout (a negative answer waits it out).
    static bool becomesOwner(MeetClient& c, const std::string& occupant, util::Duration timeout = 5000ms) {
        auto owner = [](const protocol::MucPresence& p) {
            return p.affiliation == protocol::MucAffiliation::Owner && p.role == protocol::MucRole::Moderator;
        };
        return c.waitPresence(occupant, owner, timeout).has_value();
    }
};

}  // namespace

TEST_F(SecureDomainTest, AnonymousGuestCannotCreateARoom) {
    startSecureFocus();
    MeetClient guest(prosody());
    EXPECT_EQ(guest.jid().domain(), prosody().guestDomain());
    auto reply = guest.requestConference(room("anon"));
    EXPECT_EQ(errorOf(reply), "not-authorized");
    EXPECT_EQ(reply.child("error")->attr("type"), "auth");
    EXPECT_EQ(stat(guest, "conferences"), "0");
}

TEST_F(SecureDomainTest, LoggedInUserGetsASessionThenAsGuestCreatesTheRoomAndBecomesOwner) {
    startSecureFocus();
    std::string session = aliceSession(room("warmup"));
    ASSERT_EQ(session.size(), 36u) << focus().log();
    // Reconnected anonymously (the page reloads on the guest domain) with the same session and machine.
    MeetClient guest(prosody());
    std::string r = room("secure");
    auto conf = resultOf(ask(guest, r, session));
    EXPECT_EQ(conf.ready, true) << focus().log();
    EXPECT_EQ(conf.sessionId, session);
    EXPECT_EQ(conf.identity, "alice@" + prosody().domain());
    EXPECT_EQ(conf.property("authentication"), "true");
    EXPECT_EQ(conf.property("externalAuth"), "false");
    ASSERT_TRUE(guest.join(r, "alice"));
    EXPECT_TRUE(becomesOwner(guest, r + "/alice")) << focus().log();

    // Others join the existing room as guests, without logging in, and stay participants.
    MeetClient bob(prosody());
    auto bobConf = resultOf(ask(bob, r, std::nullopt, std::string("b0b")));
    EXPECT_EQ(bobConf.ready, true);
    EXPECT_FALSE(bobConf.sessionId);
    auto bobSelf = bob.join(r, "bob");
    ASSERT_TRUE(bobSelf);
    EXPECT_EQ(bobSelf->role, protocol::MucRole::Participant);
    EXPECT_FALSE(becomesOwner(bob, r + "/bob", 1500ms)) << "no first-comer election with an authority";
}

TEST_F(SecureDomainTest, ASessionBoundAfterJoiningMakesTheGuestOwnerThen) {
    startSecureFocus();
    std::string r = room("late");
    std::string session = aliceSession(r);  // alice's account creates the room
    MeetClient guest(prosody());
    ASSERT_TRUE(guest.join(r, "alice"));  // in the room without having told the focus who she is
    EXPECT_FALSE(becomesOwner(guest, r + "/alice", 1500ms));
    resultOf(ask(guest, r, session));
    EXPECT_TRUE(becomesOwner(guest, r + "/alice")) << focus().log();
}

TEST_F(SecureDomainTest, ASessionFromAnotherMachineOrUnknownIsRefused) {
    startSecureFocus();
    std::string session = aliceSession(room("stolen-src"));
    MeetClient mallory(prosody());
    auto stolen = ask(mallory, room("stolen"), session, std::string("another-machine"));
    EXPECT_EQ(errorOf(stolen), "not-acceptable");
    EXPECT_EQ(errorText(stolen), "machine UID mismatch or empty");
    auto none = ask(mallory, room("stolen"), session, std::nullopt);
    EXPECT_EQ(errorOf(none), "not-acceptable");
    auto unknown = ask(mallory, room("stolen"), std::string("00000000-0000-0000-0000-000000000000"));
    EXPECT_EQ(errorOf(unknown), "not-acceptable");
    EXPECT_EQ(errorText(unknown), "invalid session");
    EXPECT_TRUE(unknown.child("error")->child("session-invalid", protocol::ns::kFocus));
    // And having tried did not let mallory create anything.
    EXPECT_EQ(errorOf(ask(mallory, room("stolen"), std::nullopt)), "not-authorized");
}

TEST_F(SecureDomainTest, LoginUrlAndLogout) {
    startSecureFocus();
    MeetClient guest(prosody());
    std::string r = room("login");
    protocol::LoginUrlIq login;
    login.room = r;
    login.machineUid = kMachine;
    auto reply = component(guest, protocol::IqType::Get, login.toElement());
    ASSERT_EQ(reply.attr("type"), "result") << reply.toString();
    auto url = protocol::LoginUrlIq::parse(*reply.child("login-url", protocol::ns::kFocus));
    ASSERT_TRUE(url);
    EXPECT_EQ(url->url, "./" + r.substr(0, r.find('@')) + "?login=true") << "the room as sent";
    protocol::LoginUrlIq noRoom;
    noRoom.machineUid = kMachine;
    EXPECT_EQ(errorOf(component(guest, protocol::IqType::Get, noRoom.toElement())), "not-acceptable");
    protocol::LoginUrlIq noMachine;
    noMachine.room = r;
    auto bad = component(guest, protocol::IqType::Get, noMachine.toElement());
    EXPECT_EQ(errorOf(bad), "bad-request");
    EXPECT_EQ(errorText(bad), "missing mandatory attribute 'machineUID'");

    std::string session = aliceSession(room("logout-src"));
    protocol::LogoutIq logout;
    logout.sessionId = session;
    auto out = component(guest, protocol::IqType::Set, logout.toElement());
    ASSERT_EQ(out.attr("type"), "result") << out.toString();
    const auto* result = out.child("logout", protocol::ns::kFocus);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->attr("logout-url").empty()) << "the XMPP authority has no logout URL";
    // The session is gone: logging out again, or using it, is session-invalid.
    EXPECT_EQ(errorOf(component(guest, protocol::IqType::Set, logout.toElement())), "not-acceptable");
    EXPECT_EQ(errorText(ask(guest, r, session)), "invalid session");
}

TEST_F(SecureDomainTest, ThePerJidConferenceLimitAnswersItsError) {
    startSecureFocus({"-Dorg.jitsi.jicofo.MAX_CONFERENCES_PER_JID=2"});
    auto a = alice();
    EXPECT_EQ(resultOf(ask(*a, room("one"), std::nullopt)).ready, true);
    EXPECT_EQ(resultOf(ask(*a, room("two"), std::nullopt)).ready, true);
    auto third = ask(*a, room("three"), std::nullopt);
    EXPECT_EQ(errorOf(third), "resource-constraint");
    EXPECT_EQ(errorText(third), "too many conferences");
    // As a guest with one of her sessions it is still alice: still refused.
    std::string session = resultOf(ask(*a, room("one"), std::nullopt)).sessionId.value_or("");
    MeetClient guest(prosody());
    EXPECT_EQ(errorOf(ask(guest, room("four"), session)), "resource-constraint");
    EXPECT_EQ(stat(guest, "conferences"), "2");
}

TEST_F(SecureDomainTest, WithoutAnAuthorityLoginUrlAndLogoutAreRefused) {
    startFocus();
    MeetClient guest(prosody());
    protocol::LoginUrlIq login;
    login.room = room("x");
    login.machineUid = kMachine;
    EXPECT_EQ(errorOf(component(guest, protocol::IqType::Get, login.toElement())), "service-unavailable");
    protocol::LogoutIq logout;
    logout.sessionId = "whatever";
    EXPECT_EQ(errorOf(component(guest, protocol::IqType::Set, logout.toElement())),
              "feature-not-implemented");
}

TEST_F(SecureDomainTest, ABadAuthUrlStopsStartupNamingIt) {
    auto args = FocusProcess::commandLine(prosody(), true);
    args.push_back("-Dorg.jitsi.jicofo.auth.URL=XMPP:not a domain");
    Subprocess bad(args, prosody().dir() + "/badauth.log");
    auto code = bad.waitExit(5000);
    ASSERT_TRUE(code);
    EXPECT_NE(*code, 0);
    EXPECT_NE(bad.log().find("org.jitsi.jicofo.auth.URL"), std::string::npos) << bad.log();
}

TEST_F(SecureDomainTest, TheReservationSystemDecidesNewRoomsAndHearsTheirEnd) {
    FakeReservationApi api;
    startSecureFocus({"-Dorg.jitsi.impl.reservation.rest.BASE_URL=" + api.base()});
    std::string r = room("reserved");
    std::string name = util::Jid::parse(r)->node();
    std::string owner = "alice@" + prosody().domain();
    api.on("POST", "/conference",
           {201, R"({"id":42,"name":")" + name + R"(","mail_owner":")" + owner + R"(","start_time":")" +
                     http::reservation::formatStartTime(std::chrono::system_clock::now()) +
                     R"(","duration":3600})"});
    api.on("DELETE", "/conference/42", {200, ""});
    auto a = alice();
    EXPECT_EQ(resultOf(ask(*a, r, std::nullopt)).ready, true) << focus().log();
    ASSERT_EQ(api.count("POST", "/conference"), 1u);
    EXPECT_NE(api.seen()[0].body.find("mail_owner=alice%40"), std::string::npos) << api.seen()[0].body;
    ASSERT_TRUE(a->join(r, "alice"));
    a->leave();
    EXPECT_TRUE(api.waitFor("DELETE", "/conference/42", 1)) << focus().log();

    // Someone else's reservation for a room: refused with the focus's code 3.
    std::string other = room("taken");
    api.on("POST", "/conference", {409, R"({"conflict_id": 7})"});
    api.on("GET", "/conference/7",
           {200, R"({"id":7,"name":")" + util::Jid::parse(other)->node() +
                     R"(","mail_owner":"carol@example.org","start_time":")" +
                     http::reservation::formatStartTime(std::chrono::system_clock::now()) +
                     R"(","duration":600})"});
    auto refused = ask(*a, other, std::nullopt);
    EXPECT_EQ(errorOf(refused), "service-unavailable");
    const auto* code = refused.child("error")->child("reservation-error", protocol::ns::kFocus);
    ASSERT_TRUE(code) << refused.toString();
    EXPECT_EQ(code->attr("error-code"), "3");
}

TEST_F(SecureDomainTest, TheAuthenticatedOwnerMayMuteAGuestWhoMayNotMuteHer) {
    BridgeSimProcess bridge(prosody());
    ASSERT_TRUE(bridge.waitReady()) << bridge.log();
    startSecureFocus();
    std::string r = room("moderated");
    std::string session = aliceSession(r);
    MediaClient alice(prosody()), bob(prosody());
    resultOf(ask(alice, r, session));
    ASSERT_TRUE(alice.join(r, "alice"));
    ASSERT_TRUE(becomesOwner(alice, r + "/alice")) << focus().log();
    resultOf(ask(bob, r, std::nullopt, std::string("b0b")));
    ASSERT_TRUE(bob.join(r, "bob"));
    ASSERT_TRUE(alice.waitJingle(protocol::jingle::JingleAction::SessionInitiate)) << focus().log();
    ASSERT_TRUE(bob.waitJingle(protocol::jingle::JingleAction::SessionInitiate)) << focus().log();
    auto muteIq = [&](const std::string& target) {
        protocol::MuteIq m;
        m.jid = *util::Jid::parse(r + "/" + target);
        m.mute = true;
        return protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(r + "/focus"), m.toElement());
    };
    EXPECT_EQ(errorOf(bob.xmpp().request(muteIq("alice"))), "not-allowed");
    EXPECT_EQ(alice.xmpp().request(muteIq("bob")).attr("type"), "result") << focus().log();
    EXPECT_TRUE(bob.xmpp().waitFor([](const xml::Element& e) {
        return e.name() == "iq" && e.child("mute", protocol::ns::kAudioMute);
    })) << "bob is told he was muted";
}
