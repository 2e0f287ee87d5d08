// The conference IQ with an authentication authority (docs/protocol.md §4.3 step 3, §4.4-§4.7) through the
// real FocusManager: who may create a room, what the result carries, every refusal.
#include "logic/auth/AuthHarness.h"
#include "protocol/focus/FocusErrors.h"

using namespace jicofo;
using namespace jicofo::test;

namespace {
const std::string kRoom = "r1@conference.example.com";
const std::string kGuest = "g1@guest.example.com/web";
}  // namespace

TEST(ConferenceAuth, AnonymousGuestCannotCreateARoom) {
    AuthHarness h;
    auto reply = h.request(kRoom, kGuest);
    ASSERT_TRUE(reply);
    EXPECT_EQ(AuthHarness::conditionOf(reply), "not-authorized");
    EXPECT_EQ(reply->error->type, "auth");
    EXPECT_EQ(reply->toElement().child("error")->attr("code"), "401");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_FALSE(h.client.take("presence")) << "the focus must not join the room";
}

TEST(ConferenceAuth, AuthDomainUserGetsASessionAndCreatesTheRoom) {
    AuthHarness h;
    EXPECT_FALSE(h.request(kRoom, "alice@example.com/web")) << "answered once the focus is in the room";
    h.completeJoin(kRoom);
    auto conf = AuthHarness::resultOf(h.componentReply());
    ASSERT_TRUE(conf.sessionId);
    EXPECT_EQ(conf.sessionId->size(), 36u) << "a UUID";
    EXPECT_EQ(conf.identity, "alice@example.com");
    EXPECT_EQ(conf.ready, true);
    EXPECT_EQ(conf.property("authentication"), "true");
    EXPECT_EQ(conf.property("externalAuth"), "false");
    const auth::AuthSession* s = h.authority->session(*conf.sessionId);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->boundJid->str(), "alice@example.com/web");
    EXPECT_EQ(s->machineUid, "m1");
}

TEST(ConferenceAuth, GuestReusingTheSessionMayCreateAnotherRoomAndOthersJoinWithout) {
    AuthHarness h;
    std::string session = h.login(kRoom);
    ASSERT_FALSE(session.empty());
    // The browser reconnects anonymously on the guest domain with the same machine and session.
    const std::string other = "r2@conference.example.com";
    EXPECT_FALSE(h.request(other, kGuest, session, "m1"));
    h.completeJoin(other);
    auto conf = AuthHarness::resultOf(h.componentReply());
    EXPECT_EQ(conf.sessionId, session);
    EXPECT_EQ(conf.identity, "alice@example.com");
    EXPECT_TRUE(h.authority->isAuthenticated(jid(kGuest)));
    // Anybody may join an existing room without logging in; the result then has no session.
    auto bob = AuthHarness::resultOf(h.request(other, "bob@guest.example.com/x", std::nullopt, "m2"));
    EXPECT_EQ(bob.ready, true);
    EXPECT_FALSE(bob.sessionId);
    EXPECT_FALSE(bob.identity);
    EXPECT_EQ(bob.property("authentication"), "true");
}

TEST(ConferenceAuth, UnknownSessionIsSessionInvalidForNewAndExistingRooms) {
    AuthHarness h;
    for (int existing = 0; existing < 2; ++existing) {
        if (existing) h.login(kRoom);
        auto reply = h.request(kRoom, kGuest, std::string("no-such-session"), "m1");
        ASSERT_TRUE(reply);
        EXPECT_EQ(AuthHarness::conditionOf(reply), "not-acceptable");
        EXPECT_EQ(reply->error->text, "invalid session");
        ASSERT_TRUE(reply->error->appSpecific);
        EXPECT_EQ(reply->error->appSpecific->name(), "session-invalid");
        EXPECT_EQ(reply->error->appSpecific->ns(), protocol::ns::kFocus);
    }
}

TEST(ConferenceAuth, SessionFromAnotherMachineOrWithoutMachineIsRefused) {
    AuthHarness h;
    std::string session = h.login(kRoom);
    auto other = h.request("r2@conference.example.com", kGuest, session, std::string("another-machine"));
    EXPECT_EQ(AuthHarness::conditionOf(other), "not-acceptable");
    EXPECT_EQ(other->error->text, "machine UID mismatch or empty");
    auto none = h.request("r2@conference.example.com", kGuest, session, std::nullopt);
    EXPECT_EQ(AuthHarness::conditionOf(none), "not-acceptable");
    EXPECT_FALSE(h.authority->isAuthenticated(jid(kGuest))) << "nothing was bound";
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
}

TEST(ConferenceAuth, AuthDomainUserWithoutMachineUidIsRefused) {
    AuthHarness h;
    auto reply = h.request(kRoom, "alice@example.com/web", std::nullopt, std::nullopt);
    EXPECT_EQ(AuthHarness::conditionOf(reply), "not-acceptable");
    EXPECT_EQ(reply->error->text, "Missing mandatory attribute 'machine-uid'");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
}

TEST(ConferenceAuth, ReadyOverrideOnlyWithoutAnAuthority) {
    // The focus user has a password, but the user stream is down: with an authority ready stays false.
    AuthHarness::Options o;
    o.focus.userHasPassword = true;
    AuthHarness h(o);
    h.client.setConnected(false);
    auto conf = AuthHarness::resultOf(h.request(kRoom, "alice@example.com/web"));
    EXPECT_EQ(conf.ready, false);
    // The same without an authority: the 2015 override said ready, but not while the user stream is down
    // (docs/protocol.md §4.3 step 6): clients would create the room before the focus is back.
    FocusHarness plain([] {
        auto s = FocusHarness::defaults();
        s.userHasPassword = true;
        return s;
    }());
    plain.client.setConnected(false);
    plain.requestConference(kRoom);
    auto reply = plain.componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(protocol::ConferenceIq::parse(*reply->payload)->ready, false);
}

TEST(ConferenceAuth, GracefulShutdownIsCheckedBeforeAuthentication) {
    AuthHarness h;
    h.manager.startGracefulShutdown([] {});
    auto reply = h.request(kRoom, kGuest);
    EXPECT_EQ(AuthHarness::conditionOf(reply), "service-unavailable");
    ASSERT_TRUE(reply->error->appSpecific);
    EXPECT_EQ(reply->error->appSpecific->name(), "graceful-shutdown");
}

TEST(ConferenceAuth, ConferenceLimitCountsTheIdentityWhateverGuestJidItUses) {
    AuthHarness::Options o;
    o.focus.maxConferencesPerJid = 1;
    AuthHarness h(o);
    std::string session = h.login(kRoom);
    // The same person as a guest: one identity, so the second room is refused.
    auto second = h.request("r2@conference.example.com", kGuest, session, "m1");
    EXPECT_EQ(AuthHarness::conditionOf(second), "resource-constraint");
    EXPECT_EQ(second->error->text, "too many conferences");
    // The first ends (its last participant leaves): the limit frees up.
    h.presenceFrom(kRoom, "alice", "alice@example.com/web");
    h.presenceFrom(kRoom, "alice", "alice@example.com/web", "none", "none", {}, true);
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_FALSE(h.request("r2@conference.example.com", kGuest, session, "m1"));
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
}

TEST(ConferenceAuth, DisableAutologinDropsTheRoomsSessionsWhenItEnds) {
    AuthHarness::Options o;
    o.auth.disableAutologin = true;
    AuthHarness h(o);
    std::string session = h.login(kRoom);
    h.presenceFrom(kRoom, "alice", "alice@example.com/web");
    h.presenceFrom(kRoom, "alice", "alice@example.com/web", "none", "none", {}, true);
    ASSERT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_FALSE(h.authority->session(session));
    EXPECT_EQ(AuthHarness::conditionOf(h.request(kRoom, kGuest, session, "m1")), "not-acceptable");
}

TEST(ConferenceAuth, SessionsSurviveTheConferenceByDefault) {
    AuthHarness h;
    std::string session = h.login(kRoom);
    h.presenceFrom(kRoom, "alice", "alice@example.com/web");
    h.presenceFrom(kRoom, "alice", "alice@example.com/web", "none", "none", {}, true);
    ASSERT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_TRUE(h.authority->session(session));
    EXPECT_FALSE(h.request(kRoom, kGuest, session, "m1")) << "allowed to create it again";
}

TEST(ConferenceAuth, ShibbolethResultSaysExternalAuthAndNeverCreatesSessions) {
    AuthHarness::Options o;
    o.authUrl = "shibboleth:default";
    AuthHarness h(o);
    // Even a user of some XMPP domain gets no session from the IQ: only the login page makes them.
    EXPECT_EQ(AuthHarness::conditionOf(h.request(kRoom, "alice@example.com/web")), "not-authorized");
    auto* shib = dynamic_cast<auth::ShibbolethAuthority*>(h.authority.get());
    ASSERT_TRUE(shib);
    std::string id = shib->createSessionFromLogin("m1", "alice@uni.example.org", jid(kRoom));
    EXPECT_FALSE(h.request(kRoom, kGuest, id, "m1"));
    h.completeJoin(kRoom);
    auto conf = AuthHarness::resultOf(h.componentReply());
    EXPECT_EQ(conf.property("externalAuth"), "true");
    EXPECT_EQ(conf.sessionId, id);
    EXPECT_EQ(conf.identity, "alice@uni.example.org");
}
