// The Shibboleth login page over real HTTP (docs/protocol.md §4.6): a POCO HTTPServer on port 0, the real
// focus loop on its own thread, the real ShibbolethAuthority.
#include <gtest/gtest.h>

#include <chrono>

#include "auth/ShibbolethAuthority.h"
#include "http/ShibbolethLoginHandler.h"
#include "unit/http/HttpTestUtil.h"

using namespace jicofo;
using namespace std::chrono_literals;
using jicofo::http::ShibbolethLoginHandler;
using jicofo::test::httpRequest;

namespace {

const char* kRoom = "myroom@conference.example.com";

class ShibbolethLogin : public ::testing::Test {
  protected:
    ShibbolethLogin()
        : authority_(std::make_unique<auth::ShibbolethAuthority>(
              loop_.loop, auth::AuthSettings{}, auth::ShibbolethAuthority::kDefaultLoginPattern,
              std::nullopt)),
          server_([this] {
              return new ShibbolethLoginHandler(ShibbolethLoginHandler::onLoop(loop_.loop, *authority_, 2s));
          }) {}
    ~ShibbolethLogin() override {
        loop_.stop();  // nothing runs on the loop any more, so the authority can go from here
    }

    test::HttpReply get(const std::string& query,
                        std::map<std::string, std::string> headers = {{"mail", "alice@example.com"},
                                                                      {"displayName", "Alice"}}) {
        return httpRequest(server_.port(), "GET", "/login/?" + query, headers);
    }
    std::optional<std::string> sessionFor(const std::string& machine, const std::string& identity) {
        return loop_.sync([&]() -> std::optional<std::string> {
            for (const auto& id : ids_) {
                const auth::AuthSession* s = authority_->session(id);
                if (s && s->machineUid == machine && s->identity == identity) return s->id;
            }
            return std::nullopt;
        });
    }
    // The id the page stores (between the first pair of quotes after "sessionId = ").
    std::string idIn(const std::string& page) {
        auto at = page.find("var sessionId = \"");
        if (at == std::string::npos) return {};
        at += 17;
        std::string id = page.substr(at, page.find('"', at) - at);
        ids_.push_back(id);
        return id;
    }

    test::LoopThread loop_;
    std::unique_ptr<auth::ShibbolethAuthority> authority_;
    test::LocalHttpServer server_;
    std::vector<std::string> ids_;
};

}  // namespace

TEST_F(ShibbolethLogin, PopupPageStoresAndPostsTheSessionAndCloses) {
    auto r = get("room=myroom%40conference.example.com&machineUID=m1&close=true");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.contentType, "text/html; charset=UTF-8");
    EXPECT_EQ(r.headers["Cache-Control"], "no-store");
    std::string id = idIn(r.body);
    ASSERT_EQ(id.size(), 36u);
    EXPECT_EQ(sessionFor("m1", "alice@example.com"), id);
    EXPECT_NE(r.body.find("window.localStorage['sessionId'] = sessionId;"), std::string::npos);
    EXPECT_NE(r.body.find("if (true)"), std::string::npos);
    EXPECT_NE(r.body.find("window.opener.postMessage({sessionId: sessionId}"), std::string::npos);
    EXPECT_NE(r.body.find("window.close();"), std::string::npos);

    // The session now works in a conference IQ from that machine, and only from it.
    util::Jid guest = *util::Jid::parse("g@guest.example.com/r");
    protocol::ConferenceIq iq;
    iq.room = kRoom;
    iq.sessionId = id;
    iq.machineUid = "m1";
    auto ok = loop_.sync(
        [&] { return authority_->authorizeConferenceRequest(guest, *util::Jid::parse(kRoom), iq, false); });
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->identity, "alice@example.com");
    iq.machineUid = "m2";
    auto refused =
        loop_.sync([&] { return authority_->checkConferenceRequest(guest, *util::Jid::parse(kRoom), iq); });
    EXPECT_FALSE(refused);
}

TEST_F(ShibbolethLogin, WithoutCloseThePageGoesToTheRoom) {
    auto r = get("room=myroom%40conference.example.com&machineUID=m1");
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("var room = \"myroom\";"), std::string::npos);
    EXPECT_NE(r.body.find("if (false)"), std::string::npos);
    EXPECT_NE(r.body.find("window.location.href = '../' + encodeURIComponent(room);"), std::string::npos);
    // close=TRUE counts as true (case-insensitive), close=yes does not.
    EXPECT_NE(get("room=myroom%40conference.example.com&machineUID=m1&close=TRUE").body.find("if (true)"),
              std::string::npos);
    EXPECT_NE(get("room=myroom%40conference.example.com&machineUID=m1&close=yes").body.find("if (false)"),
              std::string::npos);
}

TEST_F(ShibbolethLogin, SameMachineAndIdentityReuseTheSession) {
    std::string first = idIn(get("room=myroom%40conference.example.com&machineUID=m1").body);
    std::string again = idIn(get("room=other%40conference.example.com&machineUID=m1").body);
    std::string otherMachine = idIn(get("room=myroom%40conference.example.com&machineUID=m2").body);
    std::string otherUser =
        idIn(get("room=myroom%40conference.example.com&machineUID=m1", {{"mail", "bob@example.com"}}).body);
    EXPECT_EQ(first, again);
    EXPECT_NE(first, otherMachine);
    EXPECT_NE(first, otherUser);
    EXPECT_NE(otherMachine, otherUser);
    EXPECT_EQ(loop_.sync([&] { return authority_->sessionCount(); }), 3u);
}

TEST_F(ShibbolethLogin, RefusalsAndTheirStatuses) {
    EXPECT_EQ(get("machineUID=m1").status, 400);
    EXPECT_EQ(get("room=myroom%40conference.example.com").status, 400);
    EXPECT_EQ(get("room=&machineUID=m1").status, 400);
    EXPECT_EQ(get("room=not%20a%20jid&machineUID=m1").status, 400);
    EXPECT_EQ(get("room=conference.example.com&machineUID=m1").status, 400);               // no room name
    EXPECT_EQ(get("room=myroom%40conference.example.com&machineUID=m1", {}).status, 500);  // no mail
    EXPECT_EQ(get("room=myroom%40conference.example.com&machineUID=m1", {{"displayName", "A"}}).status, 500);
    auto post =
        httpRequest(server_.port(), "POST", "/login/?room=myroom%40conference.example.com&machineUID=m1",
                    {{"mail", "alice@example.com"}});
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.headers["Allow"], "GET, HEAD");
    EXPECT_EQ(loop_.sync([&] { return authority_->sessionCount(); }), 0u);  // none of these made a session
}

TEST_F(ShibbolethLogin, HostileRoomCannotBreakOutOfTheScript) {
    // '<', quotes and '/' are not allowed in a room name: refused before any page is made.
    EXPECT_EQ(get("room=%3C%2Fscript%3E%40conference.example.com&machineUID=m1").status, 400);
    EXPECT_EQ(get("room=x%22%3Balert(1)%40conference.example.com&machineUID=m1").status, 400);
    // A backslash is allowed in a node; unescaped it would swallow the closing quote of the JS string.
    auto r = get("room=evil%5C%40conference.example.com&machineUID=m1");
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("var room = \"evil\\u005c\";"), std::string::npos) << r.body;
}

TEST(ShibbolethLoginPage, EscapesEverythingThatCouldCloseTheString) {
    std::string page = ShibbolethLoginHandler::page("id",
                                                    "a\"b'c\\d</script>\xe2\x80\xa8"
                                                    "e\xc3\xa9",
                                                    false);
    EXPECT_NE(
        page.find("var room = \"a\\u0022b\\u0027c\\u005cd\\u003c\\u002fscript\\u003e\\u2028e\xc3\xa9\";"),
        std::string::npos)
        << page;
    EXPECT_EQ(page.find("</script>"), page.rfind("</script>"));  // only the element's own end tag
}

TEST(ShibbolethLoginTimeout, AStuckLoopGivesServiceUnavailable) {
    util::EventLoop stuck;  // never run: the posted task waits forever
    auth::ShibbolethAuthority authority(stuck, {}, auth::ShibbolethAuthority::kDefaultLoginPattern,
                                        std::nullopt);
    test::LocalHttpServer server(
        [&] { return new ShibbolethLoginHandler(ShibbolethLoginHandler::onLoop(stuck, authority, 200ms)); });
    auto started = std::chrono::steady_clock::now();
    auto r = httpRequest(server.port(), "GET", "/login?room=r%40conference.example.com&machineUID=m1",
                         {{"mail", "alice@example.com"}});
    auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(r.status, 503);
    EXPECT_GE(took, 200ms);
    EXPECT_LT(took, 2s);
}
