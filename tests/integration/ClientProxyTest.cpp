// focus.DOMAIN as a Prosody client_proxy to the focus user (issue 13 §3; docs/protocol.md §2.3): the focus
// opens no component connection and needs no secret, clients still talk to focus.DOMAIN, and everything the
// 2015 component served (the conference IQ, media, stats) works the same. The proxy is the project's
// resources/prosody/plugins/mod_client_proxy.lua in a real Prosody.
#include <regex>

#include "integration/FocusHarness.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"
#include "xml/Writer.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::JingleAction;

namespace {

class ClientProxyTest : public FocusTest {
  protected:
    static void SetUpTestSuite() {
        ProsodyFixture::Options o;
        o.clientProxy = true;
        prosody_ = new ProsodyFixture(o);
    }
    void SetUp() override {
        bridge_ = std::make_unique<BridgeSimProcess>(prosody());
        ASSERT_TRUE(bridge_->waitReady()) << bridge_->log();
        // No secret at all: an empty --secret overrides the harness's.
        startFocus({"--secret=", "-Djicofo.xmpp.client.client-proxy=" + prosody().focusComponent()});
    }
    void TearDown() override {
        focus_.reset();
        bridge_.reset();
    }
    // The focus user's full JID, from the focus's log.
    std::string focusUserJid() {
        std::smatch m;
        std::string log = focus().log();
        static const std::regex re("focus user logged in as (\\S+)");
        return std::regex_search(log, m, re) ? m[1].str() : std::string();
    }
    std::unique_ptr<BridgeSimProcess> bridge_;
};

}  // namespace

TEST_F(ClientProxyTest, ConferenceAndMediaWorkThroughTheProxyWithoutAComponentLogin) {
    EXPECT_NE(focus().log().find("is a client_proxy to the focus user: no component login"),
              std::string::npos)
        << focus().log();
    std::string r = room("proxied");
    MediaClient alice(prosody()), bob(prosody());
    auto reply = alice.requestConference(r);
    ASSERT_EQ(reply.attr("type"), "result") << xml::Writer::write(reply) << focus().log();
    // The answer comes from focus.DOMAIN (the proxy turned it back), naming the focus user as the focus.
    EXPECT_EQ(reply.attr("from"), prosody().focusComponent());
    const auto* conference = reply.child("conference", protocol::ns::kFocus);
    ASSERT_NE(conference, nullptr);
    EXPECT_EQ(conference->attr("ready"), "true");

    ASSERT_EQ(bob.requestConference(r).attr("type"), "result");
    ASSERT_TRUE(alice.join(r, "alice"));
    ASSERT_TRUE(bob.join(r, "bob"));
    auto offer = alice.waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(offer) << focus().log();
    EXPECT_EQ(alice.accept(*offer, 1111, 2222).attr("type"), "result");
    auto bobOffer = bob.waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(bobOffer) << focus().log();
    EXPECT_EQ(bob.accept(*bobOffer, 3333, 4444).attr("type"), "result");
    EXPECT_TRUE(bob.waitJingle(JingleAction::SourceAdd)) << focus().log();

    // Statistics through the proxy too.
    EXPECT_TRUE(waitStat(alice, "conferences", "1")) << focus().log();
}

TEST_F(ClientProxyTest, OnlyTheProxyCanSpeakForASender) {
    std::string focusUser = focusUserJid();
    ASSERT_FALSE(focusUser.empty()) << focus().log();
    MeetClient mallory(prosody());
    // A conference IQ sent straight to the focus user (not through the proxy) is not the component's: it is
    // refused and creates nothing.
    xml::Element conference("conference", protocol::ns::kFocus);
    conference.setAttr("room", room("straight"));
    auto reply = mallory.xmpp().request(
        protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(focusUser), conference));
    EXPECT_EQ(reply.attr("type"), "error") << xml::Writer::write(reply);
    // Nor can a user answer "for" someone through the proxy's per-sender address.
    auto forged = mallory.xmpp().request(protocol::Iq::request(
        protocol::IqType::Set, *util::Jid::parse(prosody().focusComponent() + "/" + focusUser), conference));
    EXPECT_EQ(forged.attr("type"), "error") << xml::Writer::write(forged);
    EXPECT_EQ(stat(mallory, "conferences"), "0") << focus().log();
}
