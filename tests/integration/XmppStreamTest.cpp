// XmppStream, the reconnecting stream the focus runs its two connections on, against a real Prosody:
// login, IQ round trips in both directions, recovery after a Prosody restart, keep-alive on a silent server,
// a server that stops reading, prompt shutdown.
#include <gtest/gtest.h>

#include "integration/XmppHarness.h"
#include "support/TestClient.h"
#include "xmpp/KeepAlive.h"

using namespace jicofo;
using namespace std::chrono_literals;
using test::ProsodyFixture;
using test::StreamHarness;

namespace {

class XmppStreamTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { prosody = std::make_unique<ProsodyFixture>(); }
    static void TearDownTestSuite() { prosody.reset(); }
    void SetUp() override {
        if (!prosody->running()) prosody->start();  // a failed restart test must not take the rest down
    }
    static std::unique_ptr<ProsodyFixture> prosody;
};
std::unique_ptr<ProsodyFixture> XmppStreamTest::prosody;

TEST_F(XmppStreamTest, ComponentConnectsAndPingsTheDomain) {
    StreamHarness h(test::componentConfig(*prosody));
    ASSERT_EQ("connected " + prosody->focusComponent(), h.waitEvent("connected")) << prosody->logTail();
    EXPECT_TRUE(h.stream().isConnected());
    EXPECT_EQ(prosody->focusComponent(), h.stream().localJid().str());
    EXPECT_EQ("result", h.roundTrip(test::pingIq(prosody->domain())));
}

TEST_F(XmppStreamTest, ComponentAnswersPingsFromClients) {
    StreamHarness h(test::componentConfig(*prosody));
    ASSERT_FALSE(h.waitEvent("connected").empty()) << prosody->logTail();
    auto alice = test::TestClient::anonymous(*prosody);
    // Through Prosody to focus.DOMAIN, rewritten to jabber:client for the router, answered by the ping
    // responder, rewritten back to the component namespace on the way out.
    auto reply = alice->request(test::pingIq(prosody->focusComponent()));
    EXPECT_EQ("result", reply.attr("type")) << reply.toString();
    EXPECT_EQ(prosody->focusComponent(), reply.attr("from"));
}

TEST_F(XmppStreamTest, WrongSecretKeepsRetryingAndReportsWhy) {
    auto config = test::componentConfig(*prosody);
    config.secret = "wrong";
    StreamHarness h(config);
    std::string second = h.waitEvent("login-failed", 2);
    EXPECT_NE(std::string::npos, second.find("component handshake refused: check --secret")) << second;
    EXPECT_EQ(0, h.count("connected"));
    EXPECT_FALSE(h.stream().isConnected());
}

TEST_F(XmppStreamTest, FocusUserConnectsAndSendsIqs) {
    StreamHarness h(test::focusUserConfig(*prosody));
    std::string expected = "connected focus@" + prosody->authDomain() + "/focus1446738123456789";
    ASSERT_EQ(expected, h.waitEvent("connected")) << prosody->logTail();
    EXPECT_EQ("result", h.roundTrip(test::pingIq(prosody->domain())));
    // A request to a session that does not exist comes back as an error from the server, not a timeout.
    EXPECT_EQ("service-unavailable", h.roundTrip(test::pingIq("nobody@" + prosody->domain() + "/gone")));
}

TEST_F(XmppStreamTest, ConcurrentSendsOverTlsAllArrive) {
    // send() from several threads at once while the reader decrypts the answers: every OpenSSL call is
    // serialised, so no stanza is corrupted or lost.
    StreamHarness h(test::focusUserConfig(*prosody));
    ASSERT_FALSE(h.waitEvent("connected").empty()) << prosody->logTail();
    int before = h.resultsReceived();
    constexpr int kThreads = 4, kEach = 250;
    std::vector<std::thread> senders;
    for (int t = 0; t < kThreads; ++t)
        senders.emplace_back([&] {
            for (int i = 0; i < kEach; ++i) h.stream().send(test::pingIq(prosody->domain()).toElement());
        });
    for (auto& s : senders) s.join();
    auto until = std::chrono::steady_clock::now() + 10s;
    while (h.resultsReceived() - before < kThreads * kEach && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(10ms);
    EXPECT_EQ(kThreads * kEach, h.resultsReceived() - before);
    EXPECT_EQ(1, h.count("connected"));
    EXPECT_EQ(0, h.count("disconnected"));
}

TEST_F(XmppStreamTest, UntrustedCertificateIsALoginFailureNamingTheProperty) {
    auto config = test::focusUserConfig(*prosody);
    config.trustAll = false;
    StreamHarness h(config);
    std::string failure = h.waitEvent("login-failed");
    EXPECT_NE(std::string::npos, failure.find("org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED")) << failure;
    EXPECT_EQ(0, h.count("connected"));
}

TEST_F(XmppStreamTest, BothStreamsReconnectAfterProsodyRestarts) {
    StreamHarness component(test::componentConfig(*prosody));
    StreamHarness user(test::focusUserConfig(*prosody));
    ASSERT_FALSE(component.waitEvent("connected").empty()) << prosody->logTail();
    ASSERT_FALSE(user.waitEvent("connected").empty()) << prosody->logTail();

    prosody->stop();
    EXPECT_FALSE(component.waitEvent("disconnected").empty());
    EXPECT_FALSE(user.waitEvent("disconnected").empty());
    EXPECT_FALSE(component.stream().isConnected());
    // While down, a request fails at once with service-unavailable: no crash, no hang, no wait for the
    // timeout.
    EXPECT_EQ("service-unavailable", component.roundTrip(test::pingIq(prosody->domain()), 300ms));

    prosody->start();
    EXPECT_FALSE(component.waitEvent("connected", 2).empty()) << prosody->logTail();
    EXPECT_FALSE(user.waitEvent("connected", 2).empty()) << prosody->logTail();
    EXPECT_EQ("result", component.roundTrip(test::pingIq(prosody->domain())));
    EXPECT_EQ("result", user.roundTrip(test::pingIq(prosody->domain())));
}

TEST_F(XmppStreamTest, KeepAliveDropsASilentServerAndReconnects) {
    auto config = test::componentConfig(*prosody);
    config.loginTimeout = util::Duration(1000);
    StreamHarness h(config);
    ASSERT_FALSE(h.waitEvent("connected").empty()) << prosody->logTail();
    xmpp::KeepAlive::Options o{*util::Jid::parse(prosody->domain()), util::Duration(200), util::Duration(200),
                               2};
    std::unique_ptr<xmpp::KeepAlive> keepAlive;
    h.loop().post([&] {
        keepAlive = std::make_unique<xmpp::KeepAlive>(
            h.router(), h.stream(), h.loop(), o, [&](const std::string& why) { h.stream().reconnect(why); });
        keepAlive->start();
    });

    prosody->pause();  // the TCP connection stays up, nothing answers
    std::string lost = h.waitEvent("disconnected", 1, 5s);
    prosody->resume();
    EXPECT_NE(std::string::npos, lost.find("pings to " + prosody->domain() + " unanswered")) << lost;
    EXPECT_FALSE(h.waitEvent("connected", 2).empty()) << prosody->logTail();
    EXPECT_EQ("result", h.roundTrip(test::pingIq(prosody->domain())));
    std::promise<void> gone;
    h.loop().post([&] {
        keepAlive.reset();
        gone.set_value();
    });
    gone.get_future().wait();
}

TEST_F(XmppStreamTest, AServerThatStopsReadingNeverBlocksSendAndLosesTheStream) {
    auto config = test::componentConfig(*prosody);
    config.writeLimits = {std::size_t(1) << 20, util::Duration(1000)};
    StreamHarness h(config);
    ASSERT_FALSE(h.waitEvent("connected").empty()) << prosody->logTail();
    prosody->pause();  // connected, reading nothing
    // From the loop, as the focus sends: 16 MB into a server that reads nothing (more than the sockets
    // hold and than the queue may).
    auto sent = std::make_shared<std::promise<void>>();
    h.loop().post([&h, sent, domain = prosody->domain()] {
        xml::Element message("message", protocol::ns::kClient);
        message.setAttr("to", domain);
        message.addChild("body").setText(std::string(16384, 'x'));
        for (int i = 0; i < 1024; ++i) h.stream().send(message);
        sent->set_value();
    });
    bool returned = sent->get_future().wait_for(5s) == std::future_status::ready;
    std::string lost = h.waitEvent("disconnected", 1, 5s);
    prosody->resume();
    EXPECT_TRUE(returned) << "send() waited on the socket";
    EXPECT_NE(std::string::npos, lost.find("not reading")) << lost;
    EXPECT_FALSE(h.waitEvent("connected", 2).empty()) << prosody->logTail();
    EXPECT_EQ("result", h.roundTrip(test::pingIq(prosody->domain())));
}

TEST_F(XmppStreamTest, StopClosesTheStreamPromptly) {
    StreamHarness h(test::focusUserConfig(*prosody));
    ASSERT_FALSE(h.waitEvent("connected").empty()) << prosody->logTail();
    auto took = h.stopStream();
    EXPECT_LT(took, 1500ms);
    EXPECT_EQ("disconnected stopped", h.waitEvent("disconnected"));
}

TEST_F(XmppStreamTest, StopWhileServerIsDownReturnsPromptly) {
    prosody->stop();
    StreamHarness h(test::componentConfig(*prosody));
    h.waitEvent("login-failed");
    auto took = h.stopStream();
    EXPECT_LT(took, 500ms);
    prosody->start();
}

TEST_F(XmppStreamTest, SendWhileDisconnectedIsDropped) {
    ProsodyFixture::Options o;
    o.start = false;
    ProsodyFixture down(o);  // ports reserved, nobody listening
    auto config = xmpp::XmppStream::Config::component(down.host(), down.componentPort(),
                                                      down.focusComponent(), down.focusSecret());
    StreamHarness h(test::fast(config));
    h.waitEvent("login-failed");
    h.stream().send(test::pingIq("example.com").toElement());  // must neither throw nor block
    EXPECT_FALSE(h.stream().isConnected());
    EXPECT_EQ("service-unavailable", h.roundTrip(test::pingIq("example.com"), 300ms));
}

}  // namespace
