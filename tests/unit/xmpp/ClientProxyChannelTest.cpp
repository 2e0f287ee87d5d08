// The client_proxy seen as the component (issue 13 §3): what comes through Prosody's proxy is unwrapped to
// what its sender wrote, answers are addressed back through the proxy, and nothing else is trusted.
#include <gtest/gtest.h>

#include "support/FakeChannel.h"
#include "xml/Document.h"
#include "xmpp/ClientProxyChannel.h"

using namespace jicofo;

namespace {

xml::Element parse(const std::string& text) {
    std::string error;
    auto e = xml::parseElement(text, &error);
    EXPECT_TRUE(e) << error;
    return e.value_or(xml::Element("x"));
}

struct ClientProxyChannelTest : ::testing::Test {
    test::FakeChannel client{*util::Jid::parse("focus@auth.example.com/focus1")};
    xmpp::ClientProxyChannel proxy{client, *util::Jid::parse("focus.example.com")};
};

}  // namespace

TEST_F(ClientProxyChannelTest, UnwrapsTheSenderFromTheResource) {
    auto in = parse(
        "<iq xmlns='jabber:client' type='set' id='c1' from='focus.example.com/alice@example.com/web-1'"
        " to='focus@auth.example.com/focus1'><conference xmlns='http://jitsi.org/protocol/focus'"
        " room='r@conference.example.com'/></iq>");
    ASSERT_TRUE(proxy.isProxied(in));
    auto out = proxy.unwrap(in);
    ASSERT_TRUE(out);
    EXPECT_EQ(out->attr("from"), "alice@example.com/web-1");
    EXPECT_EQ(out->attr("to"), "focus.example.com");
    EXPECT_EQ(out->attr("id"), "c1");
    EXPECT_EQ(out->children(), in.children());
}

TEST_F(ClientProxyChannelTest, OnlyTheProxyDomainIsTrusted) {
    for (const char* from :
         {"alice@example.com/web", "focus.example.com", "x@focus.example.com/alice@example.com",
          "evil.example.com/alice@example.com/web", "focus.example.org/alice@example.com/w"}) {
        auto in = parse(std::string("<iq xmlns='jabber:client' type='set' id='1' from='") + from + "'/>");
        EXPECT_FALSE(proxy.isProxied(in)) << from;
        EXPECT_FALSE(proxy.unwrap(in)) << from;
    }
    // A resource that is no JID (a real proxy never sends one) is not unwrapped either.
    auto odd = parse("<iq xmlns='jabber:client' type='set' id='1' from='focus.example.com/@@'/>");
    EXPECT_FALSE(proxy.unwrap(odd));
}

TEST_F(ClientProxyChannelTest, AnswersGoBackThroughTheProxy) {
    client.setConnected(true);
    proxy.send(
        parse("<iq xmlns='jabber:client' type='result' id='c1' from='focus.example.com'"
              " to='alice@example.com/web-1'/>"));
    ASSERT_EQ(client.sent().size(), 1u);
    const auto& out = client.sent()[0];
    EXPECT_EQ(out.attr("to"), "focus.example.com/alice@example.com/web-1");
    EXPECT_EQ(out.attr("from"), "");  // Prosody stamps the focus user's own JID
    EXPECT_EQ(out.attr("id"), "c1");
    EXPECT_TRUE(proxy.isConnected());
    EXPECT_EQ(proxy.localJid().str(), "focus.example.com");
    client.setConnected(false);
    EXPECT_FALSE(proxy.isConnected());
}
