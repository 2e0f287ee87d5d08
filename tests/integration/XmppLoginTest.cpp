// The two logins of the focus against a real Prosody configured as the README says: XEP-0114 component and
// client (STARTTLS, SASL, bind), plus the test clients built on them.
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <thread>

#include "protocol/stanza/Namespaces.h"
#include "support/ProsodyFixture.h"
#include "support/TestClient.h"
#include "support/TestComponent.h"
#include "xmpp/Base64.h"
#include "xmpp/ClientSession.h"
#include "xmpp/ComponentSession.h"
#include "xmpp/XmppError.h"

using namespace jicofo;
using test::ProsodyFixture;

namespace {

class XmppLoginTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { prosody = std::make_unique<ProsodyFixture>(); }
    static void TearDownTestSuite() { prosody.reset(); }

    static std::unique_ptr<xmpp::Connection> connectC2s() {
        auto c = std::make_unique<xmpp::Connection>();
        c->connect(prosody->host(), prosody->c2sPort(), util::Duration(3000));
        return c;
    }
    static xmpp::ClientSession::Options focusUser() {
        xmpp::ClientSession::Options o;
        o.domain = prosody->authDomain();
        o.username = prosody->focusUser();
        o.password = prosody->focusPassword();
        o.resource = xmpp::ClientSession::nanoResource("focus");
        o.trustAll = true;
        return o;
    }
    // The message of the XmppError the login throws, or "" when it succeeds.
    static std::string loginError(const xmpp::ClientSession::Options& o) {
        auto c = connectC2s();
        try {
            xmpp::ClientSession(*c, o).login();
            return "";
        } catch (const xmpp::XmppError& e) {
            return e.what();
        }
    }

    static std::unique_ptr<ProsodyFixture> prosody;
};
std::unique_ptr<ProsodyFixture> XmppLoginTest::prosody;

TEST_F(XmppLoginTest, ComponentLogsInWithTheRightSecret) {
    xmpp::Connection c;
    c.connect(prosody->host(), prosody->componentPort(), util::Duration(3000));
    auto jid = xmpp::ComponentSession::login(c, {prosody->focusComponent(), prosody->focusSecret()});
    EXPECT_EQ(prosody->focusComponent(), jid.str());
    c.closeStream(util::Duration(1000));
}

TEST_F(XmppLoginTest, ComponentWithAWrongSecretIsRefusedClearly) {
    xmpp::Connection c;
    c.connect(prosody->host(), prosody->componentPort(), util::Duration(3000));
    try {
        xmpp::ComponentSession::login(c, {prosody->focusComponent(), "not-the-secret"});
        FAIL() << "login with a wrong secret succeeded";
    } catch (const xmpp::XmppError& e) {
        EXPECT_NE(std::string::npos,
                  std::string(e.what()).find("component handshake refused: check --secret"))
            << e.what();
    }
}

TEST_F(XmppLoginTest, FocusUserLogsInWithScramOverTls) {
    auto c = connectC2s();
    auto options = focusUser();
    xmpp::ClientSession session(*c, options);
    util::Jid jid = session.login();
    EXPECT_EQ(prosody->focusUser() + "@" + prosody->authDomain() + "/" + options.resource, jid.str());
    EXPECT_EQ("SCRAM-SHA-1", session.mechanism());
    EXPECT_TRUE(c->secure());
    EXPECT_NE(std::string::npos, c->tlsDescription().find("TLS")) << c->tlsDescription();
}

TEST_F(XmppLoginTest, WrongPasswordIsRefused) {
    auto o = focusUser();
    o.password = "wrong";
    std::string error = loginError(o);
    EXPECT_NE(std::string::npos, error.find("not-authorized")) << error;
    EXPECT_NE(std::string::npos, error.find("focus@" + prosody->authDomain())) << error;
}

TEST_F(XmppLoginTest, AnonymousLoginGetsAServerAssignedJid) {
    auto alice = test::TestClient::anonymous(*prosody);
    EXPECT_EQ(prosody->domain(), alice->jid().domain());
    EXPECT_FALSE(alice->jid().node().empty());
    EXPECT_FALSE(alice->jid().resource().empty());
    auto bob = test::TestClient::anonymous(*prosody);
    EXPECT_NE(alice->jid(), bob->jid());
}

TEST_F(XmppLoginTest, UnverifiableCertificateNamesTheTrustAllProperty) {
    auto o = focusUser();
    o.trustAll = false;  // the system store does not know Prosody's self-signed certificate
    std::string error = loginError(o);
    EXPECT_NE(std::string::npos, error.find("org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED")) << error;
    EXPECT_NE(std::string::npos, error.find("self-signed")) << error;
}

TEST_F(XmppLoginTest, CertificateTrustedThroughCaFileIsAccepted) {
    // Verification on, with the fixture's certificate as trust anchor: the name auth.DOMAIN matches.
    auto o = focusUser();
    o.trustAll = false;
    o.caFile = prosody->certPath();
    EXPECT_EQ("", loginError(o));
}

TEST_F(XmppLoginTest, CertificateForAnotherNameIsRefused) {
    // A certificate for example.com and *.example.com is no good for a domain it does not name.
    test::ProsodyFixture::Options po;
    po.domain = "other.test";
    ProsodyFixture other(po);
    xmpp::Connection c;
    c.connect(other.host(), other.c2sPort(), util::Duration(3000));
    xmpp::ClientSession::Options o;
    o.domain = other.authDomain();
    o.username = other.focusUser();
    o.password = other.focusPassword();
    o.caFile = prosody->certPath();  // trusts the first server's certificate only
    try {
        xmpp::ClientSession(c, o).login();
        FAIL() << "login succeeded with a certificate nobody vouches for";
    } catch (const xmpp::XmppError& e) {
        EXPECT_NE(std::string::npos, std::string(e.what()).find("ALWAYS_TRUST_MODE_ENABLED")) << e.what();
    }
}

// Prosody always offers STARTTLS, so a tiny fake server plays one that does not.
TEST(XmppPlaintext, PasswordIsNeverSentOverAnUnencryptedStream) {
    Poco::Net::ServerSocket server(Poco::Net::SocketAddress("127.0.0.1", 0));
    std::string received;
    std::thread fake([&] {
        Poco::Net::StreamSocket s = server.acceptConnection();
        s.setReceiveTimeout(Poco::Timespan(0, 500000));
        char buf[4096];
        int n = s.receiveBytes(buf, sizeof buf);
        if (n > 0) received.append(buf, static_cast<size_t>(n));
        std::string reply =
            "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            "xmlns:stream='http://etherx.jabber.org/streams' id='x1' from='auth.example.com' version='1.0'>"
            "<stream:features><mechanisms "
            "xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
            "</mechanisms></stream:features>";
        s.sendBytes(reply.data(), static_cast<int>(reply.size()));
        try {
            while ((n = s.receiveBytes(buf, sizeof buf)) > 0) received.append(buf, static_cast<size_t>(n));
        } catch (const Poco::Exception&) {
        }
    });
    xmpp::Connection c;
    c.connect("127.0.0.1", server.address().port(), util::Duration(3000));
    xmpp::ClientSession::Options o;
    o.domain = "auth.example.com";
    o.username = "focus";
    o.password = "s3cret-password";
    std::string error;
    try {
        xmpp::ClientSession(c, o).login();
    } catch (const xmpp::XmppError& e) {
        error = e.what();
    }
    c.abort("test over");
    fake.join();
    EXPECT_NE(std::string::npos, error.find("refusing to send the password")) << error;
    EXPECT_EQ(std::string::npos, received.find("<auth")) << received;
    EXPECT_EQ(std::string::npos,
              received.find(xmpp::base64Encode(std::string("\0focus\0s3cret-password", 22))));
}

TEST_F(XmppLoginTest, TestClientAndComponentExchangeStanzas) {
    auto bridge = test::TestComponent::bridge(*prosody);
    auto alice = test::TestClient::anonymous(*prosody);
    auto req = protocol::Iq::request(protocol::IqType::Get, *util::Jid::parse(prosody->bridgeComponent()),
                                     xml::Element("query", protocol::ns::kDiscoInfo));
    alice->send(req.toElement());
    auto got = bridge->waitFor(test::TestEndpoint::iqResponse(req.id), std::chrono::milliseconds(100));
    EXPECT_FALSE(got) << "a get is not a response";
    auto incoming = bridge->waitFor(test::TestEndpoint::named("iq", "query", protocol::ns::kDiscoInfo));
    ASSERT_TRUE(incoming) << prosody->logTail();
    EXPECT_EQ(protocol::ns::kClient, incoming->ns());  // the component side sees jabber:client too
    EXPECT_EQ(alice->jid().str(), incoming->attr("from"));
    auto parsed = protocol::Iq::parse(*incoming);
    ASSERT_TRUE(parsed.ok());
    bridge->send(parsed->result(xml::Element("query", protocol::ns::kDiscoInfo)).toElement());
    auto reply = alice->waitFor(test::TestEndpoint::iqResponse(req.id));
    ASSERT_TRUE(reply);
    EXPECT_EQ("result", reply->attr("type"));
    EXPECT_EQ(prosody->bridgeComponent(), reply->attr("from"));
}

TEST_F(XmppLoginTest, ServerAnswersPingsFromAClient) {
    auto alice = test::TestClient::anonymous(*prosody);
    auto reply =
        alice->request(protocol::Iq::request(protocol::IqType::Get, *util::Jid::parse(prosody->domain()),
                                             xml::Element("ping", protocol::ns::kPing)));
    EXPECT_EQ("result", reply.attr("type"));
    alice->disconnect();
    EXPECT_TRUE(alice->closed());
}

}  // namespace
