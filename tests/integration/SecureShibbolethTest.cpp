// The Shibboleth variant end to end (docs/protocol.md §2.3, §4.6; issue 5): the focus binary with
// org.jitsi.jicofo.auth.URL=shibboleth:default serves the login page on its HTTP port; the page (behind the
// web server's Shibboleth, which passes the `mail` header) makes the session a guest then uses.
#include <regex>

#include "integration/FocusHarness.h"
#include "protocol/focus/LoginUrlIq.h"
#include "protocol/focus/LogoutIq.h"
#include "unit/http/HttpTestUtil.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::ConferenceIq;

namespace {

const std::string kMachine = "7d5e0f1c2b3a";

class SecureShibboleth : public FocusTest {
  protected:
    void SetUp() override {
        startFocus({"-Dorg.jitsi.jicofo.auth.URL=shibboleth:default",
                    "-Dorg.jitsi.jicofo.auth.LOGOUT_URL=shibboleth:default",
                    "-Dorg.jitsi.jicofo.auth.jetty.host=127.0.0.1", "-Dorg.jitsi.jicofo.auth.jetty.port=0"});
        ASSERT_TRUE(focus().process().waitForLog("HTTP server listening")) << focus().log();
        std::smatch m;
        std::string log = focus().log();
        ASSERT_TRUE(std::regex_search(log, m, std::regex("HTTP server listening on \\S+ port (\\d+)")));
        port_ = static_cast<unsigned short>(std::stoi(m[1]));
    }
    xml::Element component(MeetClient& c, protocol::IqType type, xml::Element payload) {
        return c.xmpp().request(
            protocol::Iq::request(type, *util::Jid::parse(prosody().focusComponent()), std::move(payload)));
    }
    xml::Element ask(MeetClient& c, const std::string& room, std::optional<std::string> session) {
        ConferenceIq conf;
        conf.room = room;
        conf.machineUid = kMachine;
        conf.sessionId = std::move(session);
        return component(c, protocol::IqType::Set, conf.toElement());
    }
    unsigned short port_ = 0;
};

std::string sessionIn(const std::string& page) {
    std::smatch m;
    if (!std::regex_search(page, m, std::regex("sessionId = \"([0-9a-f-]{36})\""))) return {};
    return m[1];
}

}  // namespace

TEST_F(SecureShibboleth, TheLoginPageMakesTheSessionTheGuestCreatesTheRoomWith) {
    MeetClient guest(prosody());
    std::string r = room("shib");
    auto refused = ask(guest, r, std::nullopt);
    EXPECT_EQ(refused.attr("type"), "error");
    EXPECT_TRUE(refused.child("error")->child("not-authorized", "urn:ietf:params:xml:ns:xmpp-stanzas"));

    // Where to log in: the default pattern, form-encoded on the wire.
    protocol::LoginUrlIq where;
    where.room = r;
    where.machineUid = kMachine;
    where.popup = true;
    auto url = component(guest, protocol::IqType::Get, where.toElement());
    ASSERT_EQ(url.attr("type"), "result") << url.toString();
    const auto* li = url.child("login-url", protocol::ns::kFocus);
    EXPECT_EQ(li->attr("url"), "login%2F%3FmachineUID%3D" + kMachine + "%26room%3D" +
                                   std::regex_replace(r, std::regex("@"), "%40") + "%26close%3Dtrue");

    // The browser opens it; the web server's Shibboleth passes the user's mail.
    auto page = httpRequest(port_, "GET", "/login/?machineUID=" + kMachine + "&room=" + r + "&close=true",
                            {{"mail", "alice@uni.example.org"}, {"displayName", "Alice"}});
    ASSERT_EQ(page.status, 200) << page.body << focus().log();
    std::string session = sessionIn(page.body);
    ASSERT_FALSE(session.empty()) << page.body;
    EXPECT_NE(page.body.find("window.opener"), std::string::npos) << "popup: posts to the opener";

    auto ok = ask(guest, r, session);
    ASSERT_EQ(ok.attr("type"), "result") << ok.toString() << focus().log();
    auto conf = ConferenceIq::parse(*ok.child("conference", protocol::ns::kFocus)).value();
    EXPECT_EQ(conf.ready, true);
    EXPECT_EQ(conf.sessionId, session);
    EXPECT_EQ(conf.identity, "alice@uni.example.org");
    EXPECT_EQ(conf.property("externalAuth"), "true");
    ASSERT_TRUE(guest.join(r, "alice"));
    EXPECT_TRUE(guest.waitPresence(r + "/alice", [](const protocol::MucPresence& p) {
        return p.affiliation == protocol::MucAffiliation::Owner;
    })) << focus().log();

    // Logout answers the Shibboleth logout URL and ends the session.
    protocol::LogoutIq logout;
    logout.sessionId = session;
    auto out = component(guest, protocol::IqType::Set, logout.toElement());
    ASSERT_EQ(out.attr("type"), "result") << out.toString();
    EXPECT_EQ(out.child("logout", protocol::ns::kFocus)->attr("logout-url"), "..%2FShibboleth.sso%2FLogout");
    MeetClient other(prosody());
    EXPECT_EQ(ask(other, room("shib2"), session).attr("type"), "error");
}

TEST_F(SecureShibboleth, TheLoginPageRefusesIncompleteRequests) {
    std::string r = room("shib");
    EXPECT_EQ(httpRequest(port_, "GET", "/login/?room=" + r, {{"mail", "a@b.org"}}).status, 400)
        << "no machineUID";
    EXPECT_EQ(httpRequest(port_, "GET", "/login/?machineUID=m1&room=" + r).status, 500) << "no mail";
    EXPECT_EQ(httpRequest(port_, "POST", "/login/?machineUID=m1&room=" + r, {{"mail", "a@b.org"}}).status,
              405);
}
