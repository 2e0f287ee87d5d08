#include <gtest/gtest.h>

#include "protocol/stanza/Namespaces.h"
#include "xml/Document.h"
#include "xml/Writer.h"
#include "xmpp/NamespaceRewrite.h"

using namespace jicofo;
namespace ns = protocol::ns;

TEST(NamespaceRewrite, ComponentStanzaBecomesClientStanza) {
    xml::Element iq("iq", ns::kComponent);
    iq.setAttr("type", "error");
    iq.addChild("query", ns::kDiscoInfo).addChild("feature", ns::kDiscoInfo);
    auto& err = iq.addChild("error", ns::kComponent);
    err.addChild("item-not-found", ns::kStanzas);

    xmpp::toClientNamespace(iq);
    EXPECT_EQ(ns::kClient, iq.ns());
    EXPECT_EQ(ns::kClient, iq.child("error")->ns());
    EXPECT_EQ(ns::kStanzas, iq.child("error")->children()[0].ns());
    EXPECT_EQ(ns::kDiscoInfo, iq.child("query")->ns());
}

namespace {

// How a component stream writes a domain stanza (XmppStream::send): renamed while serialising.
const xml::Writer::StanzaRewrite kToComponent{ns::kClient, ns::kComponent, {"from", "focus.example.com"}};

}  // namespace

TEST(NamespaceRewrite, TheWriterPutsAStanzaInTheComponentNamespaceAndReadingItBackRestoresIt) {
    xml::Element presence("presence", ns::kClient);
    presence.setAttr("to", "room@conference.example.com/focus");
    presence.addChild("status", ns::kClient).setText("away");
    presence.addChild("x", ns::kMucUser).addChild("item", ns::kMucUser).setAttr("role", "moderator");
    const xml::Element before = presence;
    std::string written = xml::Writer::write(presence, ns::kComponent, kToComponent);
    EXPECT_EQ(presence, before) << "the stanza itself is not touched";
    // On a component stream, the stanza needs no xmlns of its own; its <status/> none either.
    EXPECT_EQ(0u, written.find("<presence to=")) << written;
    EXPECT_NE(written.find("<status>away</status>"), std::string::npos) << written;
    EXPECT_NE(written.find("from=\"focus.example.com\""), std::string::npos) << written;
    // Read back in the stream's namespace and turned into a domain stanza: the same one, plus its 'from'.
    auto back = xml::parseElement("<s xmlns='jabber:component:accept'>" + written + "</s>");
    ASSERT_TRUE(back) << written;
    ASSERT_EQ(back->children().size(), 1u);
    xml::Element read = back->children()[0];
    EXPECT_EQ(ns::kComponent, read.ns());
    EXPECT_EQ(ns::kComponent, read.child("status")->ns());
    xmpp::toClientNamespace(read);
    presence.setAttr("from", "focus.example.com");
    EXPECT_EQ(presence, read);
}

TEST(NamespaceRewrite, AStanzaThatSaysWhereItIsFromKeepsIt) {
    xml::Element iq("iq", ns::kClient);
    iq.setAttr("from", "focus.example.com/other");
    std::string written = xml::Writer::write(iq, ns::kComponent, kToComponent);
    EXPECT_EQ(written, "<iq from=\"focus.example.com/other\"/>");
}

TEST(NamespaceRewrite, ForeignPayloadKeepsNestedStreamNamespace) {
    // A jabber:client message forwarded inside another namespace is payload, not part of our stanza.
    xml::Element msg("message", ns::kClient);
    msg.addChild("forwarded", "urn:xmpp:forward:0").addChild("message", ns::kClient);
    std::string written = xml::Writer::write(msg, ns::kComponent, kToComponent);
    EXPECT_NE(written.find("<forwarded xmlns=\"urn:xmpp:forward:0\"><message xmlns=\"jabber:client\"/>"),
              std::string::npos)
        << written;
    EXPECT_EQ(0u, written.find("<message from=")) << written;
}
