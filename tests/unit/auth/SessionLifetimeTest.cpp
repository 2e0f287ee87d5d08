// AUTH_LIFETIME expiry on the 10 s check, DISABLE_AUTOLOGIN and the destroyed notifications (docs/protocol.md
// §2.2, §4.6), on a manual loop.
#include <gtest/gtest.h>

#include "auth/ShibbolethAuthority.h"
#include "auth/XmppDomainAuthority.h"
#include "support/ManualLoop.h"
#include "unit/auth/AuthTestUtil.h"

using namespace jicofo;
using namespace std::chrono_literals;
using jicofo::test::conferenceIq;
using jicofo::test::jid;

namespace {

const char* kRoom = "room@conference.example.com";

auth::AuthSettings lifetime(util::Duration d, bool disableAutologin = false) {
    auth::AuthSettings s;
    s.lifetime = d;
    s.disableAutologin = disableAutologin;
    return s;
}

}  // namespace

TEST(AuthSessionLifetime, ExpiresAfterInactivityOnTheTenSecondCheck) {
    test::ManualLoop loop;
    auth::XmppDomainAuthority authority(loop, lifetime(60s), "auth.example.com");
    test::RecordingAuthListener listener;
    authority.addListener(&listener);
    util::Jid alice = jid("alice@auth.example.com/w");
    auto r = authority.checkConferenceRequest(alice, jid(kRoom), conferenceIq(kRoom, {}, "m1"));
    ASSERT_TRUE(r);
    std::string sid = *r->sessionId;

    loop.advance(60s);  // exactly the lifetime: not "more than"
    EXPECT_TRUE(authority.session(sid));
    loop.advance(10s);  // the check at 70 s sees 70 s of inactivity
    EXPECT_FALSE(authority.session(sid));
    EXPECT_FALSE(authority.isAuthenticated(alice));
    ASSERT_EQ(listener.destroyed.size(), 1u);
    EXPECT_EQ(listener.destroyed[0], sid);

    // The client then gets session-invalid and (2015 client) forgets its id.
    auto again = authority.checkConferenceRequest(jid("g@guest.example.com/a"), jid(kRoom),
                                                  conferenceIq(kRoom, sid, "m1"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().text, "invalid session");
}

TEST(AuthSessionLifetime, UseRefreshesActivity) {
    test::ManualLoop loop;
    auth::XmppDomainAuthority authority(loop, lifetime(60s), "auth.example.com");
    auto r = authority.checkConferenceRequest(jid("alice@auth.example.com/w"), jid(kRoom),
                                              conferenceIq(kRoom, {}, "m1"));
    std::string sid = *r->sessionId;
    for (int i = 0; i < 5; ++i) {
        loop.advance(50s);
        ASSERT_TRUE(authority.checkConferenceRequest(jid("g@guest.example.com/a"), jid(kRoom),
                                                     conferenceIq(kRoom, sid, "m1")))
            << "use " << i;
    }
    loop.advance(70s);
    EXPECT_FALSE(authority.session(sid));
}

TEST(AuthSessionLifetime, RefusedUseDoesNotRefresh) {
    test::ManualLoop loop;
    auth::XmppDomainAuthority authority(loop, lifetime(60s), "auth.example.com");
    auto r = authority.checkConferenceRequest(jid("alice@auth.example.com/w"), jid(kRoom),
                                              conferenceIq(kRoom, {}, "m1"));
    std::string sid = *r->sessionId;
    loop.advance(50s);
    // Someone guessing the id from another machine must not keep it alive.
    EXPECT_FALSE(authority.checkConferenceRequest(jid("eve@guest.example.com/x"), jid(kRoom),
                                                  conferenceIq(kRoom, sid, "evil")));
    loop.advance(20s);
    EXPECT_FALSE(authority.session(sid));
}

TEST(AuthSessionLifetime, ExpiryTimerStopsWithTheAuthority) {
    test::ManualLoop loop;
    {
        auth::XmppDomainAuthority authority(loop, lifetime(60s), "auth.example.com");
        EXPECT_EQ(loop.timerCount(), 1u);
        loop.advance(35s);
        EXPECT_EQ(loop.timerCount(), 1u);  // re-armed each time, never piling up
    }
    EXPECT_EQ(loop.timerCount(), 0u);
    loop.advance(30s);  // nothing dangling runs
}

TEST(AuthSessionLifetime, DisableAutologinDropsTheRoomsSessionsWhenItEnds) {
    test::ManualLoop loop;
    auth::ShibbolethAuthority authority(loop, lifetime(1h, true),
                                        auth::ShibbolethAuthority::kDefaultLoginPattern, std::nullopt);
    test::RecordingAuthListener listener;
    authority.addListener(&listener);
    std::string a = authority.createSessionFromLogin("m1", "alice@example.com", jid(kRoom));
    std::string b =
        authority.createSessionFromLogin("m2", "bob@example.com", jid("other@conference.example.com"));
    ASSERT_TRUE(authority.checkConferenceRequest(jid("g@guest.example.com/a"), jid(kRoom),
                                                 conferenceIq(kRoom, a, "m1")));
    authority.onConferenceEnded(jid(kRoom));
    EXPECT_FALSE(authority.session(a));
    EXPECT_FALSE(authority.isAuthenticated(jid("g@guest.example.com/a")));
    EXPECT_TRUE(authority.session(b));
    EXPECT_EQ(listener.destroyed, std::vector<std::string>{a});
}

TEST(AuthSessionLifetime, SessionsSurviveTheConferenceByDefault) {
    test::ManualLoop loop;
    auth::XmppDomainAuthority authority(loop, lifetime(1h, false), "auth.example.com");
    auto r = authority.checkConferenceRequest(jid("alice@auth.example.com/w"), jid(kRoom),
                                              conferenceIq(kRoom, {}, "m1"));
    authority.onConferenceEnded(jid(kRoom));
    EXPECT_TRUE(authority.session(*r->sessionId));
    EXPECT_TRUE(authority.isAuthenticated(jid("alice@auth.example.com/w")));
}

TEST(AuthSessionLifetime, ShibbolethReloginMovesTheSessionToTheNewRoom) {
    test::ManualLoop loop;
    auth::ShibbolethAuthority authority(loop, lifetime(60s, true),
                                        auth::ShibbolethAuthority::kDefaultLoginPattern, std::nullopt);
    std::string a =
        authority.createSessionFromLogin("m1", "alice@example.com", jid("one@conference.example.com"));
    loop.advance(50s);
    EXPECT_EQ(authority.createSessionFromLogin("m1", "alice@example.com", jid("two@conference.example.com")),
              a);
    loop.advance(20s);  // the re-login refreshed it
    ASSERT_TRUE(authority.session(a));
    authority.onConferenceEnded(jid("one@conference.example.com"));
    EXPECT_TRUE(authority.session(a));
    authority.onConferenceEnded(jid("two@conference.example.com"));
    EXPECT_FALSE(authority.session(a));
}

TEST(AuthSessionLifetime, OneAccountCannotPileUpSessions) {
    test::ManualLoop loop;
    auth::AuthSettings settings;
    settings.maxSessionsPerIdentity = 3;
    auth::XmppDomainAuthority authority(loop, settings, "auth.example.com");
    test::RecordingAuthListener listener;
    authority.addListener(&listener);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        loop.advance(1s);
        auto r =
            authority.checkConferenceRequest(jid("alice@auth.example.com/w" + std::to_string(i)), jid(kRoom),
                                             conferenceIq(kRoom, {}, "m" + std::to_string(i)));
        ASSERT_TRUE(r);
        ids.push_back(*r->sessionId);
    }
    // Keep the first one in use: the least recently active ones go instead.
    loop.advance(1s);
    ASSERT_TRUE(authority.checkConferenceRequest(jid("g@guest.example.com/a"), jid(kRoom),
                                                 conferenceIq(kRoom, ids[4], "m4")));
    auto r = authority.checkConferenceRequest(jid("alice@auth.example.com/x"), jid(kRoom),
                                              conferenceIq(kRoom, {}, "m9"));
    ASSERT_TRUE(r);
    EXPECT_EQ(authority.sessionCount(), 3u);
    EXPECT_TRUE(authority.session(ids[4]));
    EXPECT_TRUE(authority.session(*r->sessionId));
    EXPECT_TRUE(authority.session(ids[3]));
    EXPECT_EQ(listener.destroyed, (std::vector<std::string>{ids[0], ids[1], ids[2]}));
    // Another account is not affected.
    ASSERT_TRUE(authority.checkConferenceRequest(jid("bob@auth.example.com/b"), jid(kRoom),
                                                 conferenceIq(kRoom, {}, "mb")));
    EXPECT_EQ(authority.sessionCount(), 4u);
}
