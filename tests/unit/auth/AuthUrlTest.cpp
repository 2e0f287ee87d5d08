// auth.URL / LOGOUT_URL forms (docs/protocol.md §2.3), the login-url and logout IQs (§4.6) and the pattern
// formatter.
#include <gtest/gtest.h>

#include "auth/AuthFactory.h"
#include "auth/PositionalFormat.h"
#include "auth/ShibbolethAuthority.h"
#include "auth/XmppDomainAuthority.h"
#include "protocol/focus/LoginUrlIq.h"
#include "protocol/focus/LogoutIq.h"
#include "support/ManualLoop.h"
#include "unit/auth/AuthTestUtil.h"

using namespace jicofo;
using jicofo::test::conferenceIq;
using jicofo::test::jid;

namespace {

const char* kRoom = "myroom@conference.example.com";

std::unique_ptr<auth::AuthAuthority> make(test::ManualLoop& loop, const std::string& url,
                                          std::optional<std::string> logout = std::nullopt) {
    auth::AuthSettings s;
    s.url = url;
    s.logoutUrl = std::move(logout);
    auto r = auth::createAuthority(loop, s);
    EXPECT_TRUE(r) << url << ": " << (r ? "" : r.error().message);
    return r ? std::move(r.value()) : nullptr;
}

protocol::LoginUrlIq loginRequest(std::optional<std::string> room, std::optional<std::string> machine,
                                  std::optional<bool> popup) {
    protocol::LoginUrlIq q;
    q.room = std::move(room);
    q.machineUid = std::move(machine);
    q.popup = popup;
    return q;
}

const util::Jid kGuest = jid("x1y2@guest.example.com/r1");

}  // namespace

TEST(PositionalFormat, JavaStyleArguments) {
    std::vector<std::string> args{"m1", "a@b/c", "r@conf", "true"};
    EXPECT_EQ(auth::formatPositional("%4$s-%1$s-%1$s", args).value(), "true-m1-m1");
    EXPECT_EQ(auth::formatPositional("%s/%s 100%%", args).value(), "m1/a@b/c 100%");
    EXPECT_EQ(auth::formatPositional("%3$S", args).value(), "R@CONF");
    EXPECT_EQ(auth::formatPositional("no args", args).value(), "no args");
    for (const char* bad : {"%5$s", "%0$s", "%d", "%1$d", "end %", "%1s", "%1$"})
        EXPECT_FALSE(auth::formatPositional(bad, args)) << bad;
}

TEST(AuthFactory, UrlForms) {
    test::ManualLoop loop;
    EXPECT_EQ(make(loop, ""), nullptr);
    auto x = make(loop, "xmpp:Auth.Example.com");
    ASSERT_TRUE(x);
    EXPECT_FALSE(x->isExternal());
    EXPECT_EQ(x->describe(), "XMPP:auth.example.com");
    EXPECT_TRUE(dynamic_cast<auth::XmppDomainAuthority*>(make(loop, "XMPP:auth.example.com").get()));
    auto s = make(loop, "shibboleth:default");
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->isExternal());
    EXPECT_TRUE(make(loop, "https://idp.example.com/login?u=%1$s")->isExternal());

    for (const char* bad : {"XMPP:", "XMPP:user@auth.example.com", "XMPP:has space", "login?x=%7$s", "%q"}) {
        auth::AuthSettings settings;
        settings.url = bad;
        auto r = auth::createAuthority(loop, settings);
        ASSERT_FALSE(r) << bad;
        EXPECT_NE(r.error().message.find("auth.URL"), std::string::npos) << r.error().message;
    }
    auth::AuthSettings badLogout;
    badLogout.url = "shibboleth:default";
    badLogout.logoutUrl = "logout?%2$s";
    auto r = auth::createAuthority(loop, badLogout);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("LOGOUT_URL"), std::string::npos);
}

TEST(LoginUrl, ShibbolethDefaultPatternAsTheProtocolExample) {
    test::ManualLoop loop;
    auto a = make(loop, "shibboleth:default");
    auto r = a->handleLoginUrl(loginRequest(kRoom, "7d5e0f1c2b3a", true), kGuest);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->url, "login/?machineUID=7d5e0f1c2b3a&room=myroom@conference.example.com&close=true");
    EXPECT_EQ(r->toElement().attr("url"),
              "login%2F%3FmachineUID%3D7d5e0f1c2b3a%26room%3Dmyroom%40conference.example.com%26close%3Dtrue");
    EXPECT_FALSE(r->room);  // the answer carries only url
    // popup defaults to false
    EXPECT_EQ(a->handleLoginUrl(loginRequest(kRoom, "m", std::nullopt), kGuest)->url,
              "login/?machineUID=m&room=myroom@conference.example.com&close=false");
}

TEST(LoginUrl, CustomPatternGetsAllFourArguments) {
    test::ManualLoop loop;
    auto a = make(loop, "https://idp.example.com/sso?uid=%1$s&jid=%2$s&room=%3$s&popup=%4$s");
    auto r = a->handleLoginUrl(loginRequest("My Room@conference.example.com", "u 1", false), kGuest);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->url,
              "https://idp.example.com/sso?uid=u 1&jid=x1y2@guest.example.com/r1&room=My "
              "Room@conference.example.com&popup=false");
    EXPECT_EQ(
        r->toElement().attr("url"),
        "https%3A%2F%2Fidp.example.com%2Fsso%3Fuid%3Du+1%26jid%3Dx1y2%40guest.example.com%2Fr1%26room%3DMy+"
        "Room%40conference.example.com%26popup%3Dfalse");
}

TEST(LoginUrl, XmppAuthorityPointsAtTheRoomPage) {
    test::ManualLoop loop;
    auto a = make(loop, "XMPP:auth.example.com");
    auto r = a->handleLoginUrl(loginRequest("MyRoom@conference.example.com", "m", true), kGuest);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->url, "./MyRoom?login=true");  // the local part as sent
    EXPECT_EQ(r->toElement().attr("url"), ".%2FMyRoom%3Flogin%3Dtrue");
}

TEST(LoginUrl, Errors) {
    test::ManualLoop loop;
    for (const char* url : {"XMPP:auth.example.com", "shibboleth:default"}) {
        auto a = make(loop, url);
        auto noRoom = a->handleLoginUrl(loginRequest({}, "m", true), kGuest);
        ASSERT_FALSE(noRoom);
        EXPECT_EQ(noRoom.error().condition, "not-acceptable");
        EXPECT_EQ(noRoom.error().text, "");
        auto noMachine = a->handleLoginUrl(loginRequest(kRoom, {}, true), kGuest);
        ASSERT_FALSE(noMachine);
        EXPECT_EQ(noMachine.error().condition, "bad-request");
        EXPECT_EQ(noMachine.error().text, "missing mandatory attribute 'machineUID'");
        // Room is checked first.
        EXPECT_EQ(a->handleLoginUrl(loginRequest({}, {}, {}), kGuest).error().condition, "not-acceptable");
    }
}

TEST(Logout, ShibbolethLogoutUrlRules) {
    test::ManualLoop loop;
    struct Case {
        std::optional<std::string> setting;
        std::optional<std::string> expected;  // "%ID%" stands for the session id
    };
    for (const Case& c :
         std::vector<Case>{{std::nullopt, std::nullopt},
                           {std::string("shibboleth:default"), "../Shibboleth.sso/Logout"},
                           {std::string("https://idp/logout?s=%1$s"), "https://idp/logout?s=%ID%"}}) {
        auto a = make(loop, "shibboleth:default", c.setting);
        auto& shib = dynamic_cast<auth::ShibbolethAuthority&>(*a);
        std::string sid = shib.createSessionFromLogin("m1", "alice@example.com", jid(kRoom));
        protocol::LogoutIq req;
        req.sessionId = sid;
        auto r = a->handleLogout(req, jid("anyone@guest.example.com/x"));
        ASSERT_TRUE(r);
        std::optional<std::string> expected = c.expected;
        if (expected) {
            auto pos = expected->find("%ID%");
            if (pos != std::string::npos) expected->replace(pos, 4, sid);
        }
        EXPECT_EQ(r->logoutUrl, expected) << c.setting.value_or("(unset)");
        EXPECT_FALSE(r->sessionId);
        EXPECT_FALSE(a->session(sid));  // destroyed, whoever asked
        // A second logout with the same id is an invalid session.
        auto again = a->handleLogout(req, kGuest);
        ASSERT_FALSE(again);
        EXPECT_EQ(again.error().text, "invalid session");
    }
    auto withDefault = make(loop, "shibboleth:default", std::string("shibboleth:default"));
    std::string sid = dynamic_cast<auth::ShibbolethAuthority&>(*withDefault)
                          .createSessionFromLogin("m", "a@example.com", jid(kRoom));
    protocol::LogoutIq req;
    req.sessionId = sid;
    EXPECT_EQ(withDefault->handleLogout(req, kGuest)->toElement().attr("logout-url"),
              "..%2FShibboleth.sso%2FLogout");
}

TEST(Logout, XmppAuthorityHasNoLogoutUrl) {
    test::ManualLoop loop;
    auto a = make(loop, "XMPP:auth.example.com", std::string("shibboleth:default"));
    test::RecordingAuthListener listener;
    a->addListener(&listener);
    util::Jid alice = jid("alice@auth.example.com/w");
    auto s = a->checkConferenceRequest(alice, jid(kRoom), conferenceIq(kRoom, {}, "m1"));
    protocol::LogoutIq req;
    req.sessionId = s->sessionId;
    auto r = a->handleLogout(req, alice);
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->logoutUrl);
    EXPECT_FALSE(r->toElement().hasAttr("logout-url"));
    EXPECT_FALSE(a->isAuthenticated(alice));
    EXPECT_EQ(listener.destroyed.size(), 1u);
    // Missing session-id: invalid session too.
    auto none = a->handleLogout(protocol::LogoutIq{}, alice);
    ASSERT_FALSE(none);
    EXPECT_TRUE(none.error().appSpecific);
}
