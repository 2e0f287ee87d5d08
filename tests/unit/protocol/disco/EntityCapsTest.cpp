// XEP-0115 caps: the <c/> of a presence, and the verification string of a disco#info result (§5).
#include <gtest/gtest.h>

#include <algorithm>

#include "protocol/disco/EntityCaps.h"
#include "protocol/muc/MucPresence.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"
#include "support/Golden.h"

using namespace jicofo;
using namespace jicofo::protocol;
using jicofo::test::golden;

namespace {

xml::Element queryOf(const std::string& file) {
    auto iq = Iq::parse(golden(file));
    EXPECT_TRUE(iq && iq->payload) << file;
    return iq && iq->payload ? *iq->payload : xml::Element();
}

std::optional<EntityCaps> joinCaps(const std::string& file) {
    auto e = golden(file);
    e.setAttr("from", e.attr("to"));  // as the MUC service relays it
    auto p = MucPresence::parse(e);
    EXPECT_TRUE(p) << file;
    return p ? p->caps : std::nullopt;
}

}  // namespace

TEST(EntityCaps, Xep0115Section5_2SimpleGeneration) {
    auto q = golden("disco/caps-xep0115-5.2.xml");
    EXPECT_EQ(capsVerificationString(q),
              "client/pc//Exodus 0.9.1<http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
              "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<");
    EXPECT_EQ(capsSha1Ver(q), "QgayPKawpkPSDYmwT/WM94uAlu0=");
}

TEST(EntityCaps, Xep0115Section5_3ComplexGenerationWithLanguagesAndForm) {
    auto q = golden("disco/caps-xep0115-5.3.xml");
    EXPECT_EQ(capsVerificationString(q),
              "client/pc/el/Ψ 0.11<client/pc/en/Psi 0.11<http://jabber.org/protocol/caps<"
              "http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<"
              "http://jabber.org/protocol/muc<urn:xmpp:dataforms:softwareinfo<ip_version<ipv4<ipv6<os<Mac<"
              "os_version<10.5.1<software<Psi<software_version<0.11<");
    EXPECT_EQ(capsSha1Ver(q), "q07IKJEyjvHSyhy//CH0CxmKi8w=");
}

TEST(EntityCaps, ClientSamplesVerifyAgainstTheirJoinPresence) {
    const std::pair<const char*, const char*> samples[] = {
        {"muc/muc-join-presence.lib-jitsi-meet-1.0.6.xml",
         "disco/disco-info-result.lib-jitsi-meet-1.0.6.xml"},
        {"muc/muc-join-presence.lib-jitsi-meet-2020-unified.xml",
         "disco/disco-info-result.lib-jitsi-meet-2020-unified.xml"},
    };
    for (const auto& [presence, disco] : samples) {
        auto caps = joinCaps(presence);
        ASSERT_TRUE(caps) << presence;
        EXPECT_EQ(caps->hash, "sha-1");
        EXPECT_EQ(caps->node, "http://jitsi.org/jitsimeet");
        EXPECT_EQ(capsSha1Ver(queryOf(disco)), caps->ver) << disco;
    }
    EXPECT_EQ(joinCaps("muc/muc-join-presence.lib-jitsi-meet-1.0.6.xml")->ver,
              "bInwKC/7Lt0uq2Y1/f66QQKgRS4=");
    EXPECT_EQ(joinCaps("muc/muc-join-presence.lib-jitsi-meet-2020-unified.xml")->ver,
              "cvjWXufsg4xT62Ec2mlATkFZ9lk=");
}

TEST(EntityCaps, RoundTripAndIncompleteCapsRefused) {
    EntityCaps caps{"sha-1", "http://jitsi.org/jitsimeet", "bInwKC/7Lt0uq2Y1/f66QQKgRS4="};
    auto e = caps.toElement();
    EXPECT_EQ(e.ns(), ns::kCaps);
    auto back = EntityCaps::parse(e);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, caps);
    EXPECT_EQ(back->toElement(), e);
    // Legacy (pre-1.5) caps have no 'hash': nothing to verify them with.
    xml::Element legacy("c", ns::kCaps);
    legacy.setAttr("node", "http://jitsi.org/jitsimeet");
    legacy.setAttr("ver", "0.1");
    EXPECT_FALSE(EntityCaps::parse(legacy));
    EXPECT_FALSE(EntityCaps::parse(xml::Element("c", "urn:other")));
}

TEST(EntityCaps, RelayedPresenceKeepsCapsAndOneWithoutHasNone) {
    auto relayed = golden("muc/occupant-presence.prosody.xml");
    auto p = MucPresence::parse(relayed);
    ASSERT_TRUE(p && p->caps);
    EXPECT_EQ(p->caps->ver, "bInwKC/7Lt0uq2Y1/f66QQKgRS4=");
    auto& children = relayed.children();
    children.erase(std::remove_if(children.begin(), children.end(),
                                  [](const xml::Element& c) { return c.name() == "c"; }),
                   children.end());
    EXPECT_FALSE(MucPresence::parse(relayed)->caps);
}

TEST(EntityCaps, FeatureOrderDoesNotMatterButContentDoes) {
    auto q = golden("disco/caps-xep0115-5.2.xml");
    xml::Element reversed("query", ns::kDiscoInfo);
    for (auto it = q.children().rbegin(); it != q.children().rend(); ++it) reversed.children().push_back(*it);
    EXPECT_EQ(capsSha1Ver(reversed), "QgayPKawpkPSDYmwT/WM94uAlu0=");
    q.addChild("feature").setAttr("var", "urn:xmpp:jingle:1");
    EXPECT_NE(capsSha1Ver(q), "QgayPKawpkPSDYmwT/WM94uAlu0=");
}

TEST(EntityCaps, IllFormedResultsAreNotVerifiable) {
    // §5.4: a duplicate feature or identity, two forms of one FORM_TYPE, a FORM_TYPE not hidden.
    auto dupFeature = golden("disco/caps-xep0115-5.2.xml");
    dupFeature.addChild("feature").setAttr("var", "http://jabber.org/protocol/muc");
    EXPECT_FALSE(capsVerificationString(dupFeature));

    auto dupIdentity = golden("disco/caps-xep0115-5.2.xml");
    dupIdentity.children().push_back(dupIdentity.children().front());
    EXPECT_FALSE(capsVerificationString(dupIdentity));

    auto twoForms = golden("disco/caps-xep0115-5.3.xml");
    twoForms.children().push_back(*twoForms.child("x", "jabber:x:data"));
    EXPECT_FALSE(capsVerificationString(twoForms));

    auto notHidden = golden("disco/caps-xep0115-5.3.xml");
    for (auto& c : notHidden.children())
        if (c.name() == "x")
            for (auto& f : c.children())
                if (f.attr("var") == "FORM_TYPE") f.setAttr("type", "text-single");
    EXPECT_FALSE(capsVerificationString(notHidden));

    EXPECT_FALSE(capsVerificationString(xml::Element("query", ns::kDiscoItems)));
}
