#include <gtest/gtest.h>

#include "protocol/stanza/Namespaces.h"
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

TEST(NamespaceRewrite, RoundTripRestoresTheStanza) {
    xml::Element presence("presence", ns::kClient);
    presence.addChild("status", ns::kClient).setText("away");
    presence.addChild("x", ns::kMucUser).addChild("item", ns::kMucUser).setAttr("role", "moderator");
    xml::Element copy = presence;
    xmpp::toComponentNamespace(copy);
    EXPECT_EQ(ns::kComponent, copy.ns());
    EXPECT_EQ(ns::kComponent, copy.child("status")->ns());
    // Written on a component stream, the stanza needs no xmlns of its own.
    EXPECT_EQ(0u, xml::Writer::write(copy, ns::kComponent).find("<presence>"));
    xmpp::toClientNamespace(copy);
    EXPECT_EQ(presence, copy);
}

TEST(NamespaceRewrite, ForeignPayloadKeepsNestedStreamNamespace) {
    // A jabber:client message forwarded inside another namespace is payload, not part of our stanza.
    xml::Element msg("message", ns::kClient);
    msg.addChild("forwarded", "urn:xmpp:forward:0").addChild("message", ns::kClient);
    xmpp::toComponentNamespace(msg);
    EXPECT_EQ(ns::kComponent, msg.ns());
    EXPECT_EQ(ns::kClient, msg.child("forwarded")->children()[0].ns());
}
