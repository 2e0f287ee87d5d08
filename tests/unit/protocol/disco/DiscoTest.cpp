#include <gtest/gtest.h>

#include "protocol/disco/DiscoInfo.h"
#include "protocol/stanza/Stanza.h"
#include "support/Golden.h"

using namespace jicofo::protocol;
using jicofo::test::golden;

TEST(DiscoInfo, ClientFeatureSamples) {
    for (const char* file : {"disco/disco-info-result.lib-jitsi-meet-1.0.6.xml",
                             "disco/disco-info-result.lib-jitsi-meet-2020-unified.xml"}) {
        auto iq = Iq::parse(golden(file));
        ASSERT_TRUE(iq) << file;
        auto info = DiscoInfo::parse(*iq->payload);
        ASSERT_TRUE(info) << file;
        EXPECT_TRUE(info->hasFeature("urn:xmpp:jingle:apps:dtls:0")) << file;
        EXPECT_TRUE(info->hasFeature("urn:xmpp:jingle:transports:ice-udp:1")) << file;
        EXPECT_FALSE(info->hasFeature("http://jitsi.org/protocol/jigasi")) << file;
        EXPECT_EQ(info->toElement(), *iq->payload) << file;
    }
}

TEST(DiscoInfo, FocusComponentIdentity) {
    DiscoInfo d;
    d.identities.push_back({"component", "generic", "Jitsi Meet Focus"});
    d.features = {"http://jabber.org/protocol/disco#info", "urn:xmpp:ping", "jabber:iq:last", "urn:xmpp:time",
                  "http://jitsi.org/protocol/focus"};
    EXPECT_EQ(d.toElement(), golden("disco/focus-component-info.xml"));
}

TEST(DiscoItems, RoundTrip) {
    DiscoItems items;
    items.items.push_back({"jitsi-videobridge.example.com", "", ""});
    items.items.push_back({"conference.example.com", "Chatrooms", ""});
    auto back = DiscoItems::parse(items.toElement());
    ASSERT_TRUE(back);
    ASSERT_EQ(back->items.size(), 2u);
    EXPECT_EQ(back->items[1].name, "Chatrooms");
    EXPECT_EQ(back->toElement(), items.toElement());
}
