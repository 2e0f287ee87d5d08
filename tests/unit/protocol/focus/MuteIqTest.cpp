// The mute IQ of docs/protocol.md §6.1 (the 2015 MuteIqProviderTest: jid attribute and boolean text).
#include <gtest/gtest.h>

#include "protocol/focus/MuteIq.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"
#include "support/Golden.h"

using namespace jicofo;
using jicofo::protocol::MuteIq;
using jicofo::test::golden;

namespace {
xml::Element muteElement(const std::string& jid, const std::string& text) {
    xml::Element e("mute", protocol::ns::kAudioMute);
    if (!jid.empty()) e.setAttr("jid", jid);
    if (!text.empty()) e.setText(text);
    return e;
}
}  // namespace

TEST(MuteIq, ParsesTheClientRequest) {
    auto iq = protocol::Iq::parse(golden("focus/mute-request.xml"));
    ASSERT_TRUE(iq);
    auto m = MuteIq::parse(*iq->payload);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->jid->str(), "myroom@conference.example.com/bob");
    EXPECT_EQ(m->mute, true);
    EXPECT_EQ(m->toElement(), *iq->payload) << "serialised back as sent";
}

// A fully qualified domain (one trailing dot) names the same occupant, and serialises without the dot.
TEST(MuteIq, TrailingDotOfTheDomainIsDropped) {
    auto iq = protocol::Iq::parse(golden("focus/mute-request-fqdn-jid.xml"));
    ASSERT_TRUE(iq);
    EXPECT_EQ(iq->to.str(), "myroom@conference.example.com/focus");
    auto m = MuteIq::parse(*iq->payload);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->jid->str(), "myroom@conference.example.com/bob");
    EXPECT_EQ(m->toElement().attr("jid"), "myroom@conference.example.com/bob");
    EXPECT_EQ(*MuteIq::parse(m->toElement())->jid, *m->jid);
}

TEST(MuteIq, ForwardedFormHasNoJid) {
    auto iq = protocol::Iq::parse(golden("focus/mute-forward.xml"));
    ASSERT_TRUE(iq);
    MuteIq forward;
    forward.mute = true;
    EXPECT_EQ(forward.toElement(), *iq->payload);
}

TEST(MuteIq, TextTrueInAnyCaseMutesAnythingElseUnmutes) {
    EXPECT_EQ(MuteIq::parse(muteElement("r@c.example.com/b", "TRUE"))->mute, true);
    EXPECT_EQ(MuteIq::parse(muteElement("r@c.example.com/b", "tRuE"))->mute, true);
    EXPECT_EQ(MuteIq::parse(muteElement("r@c.example.com/b", "false"))->mute, false);
    EXPECT_EQ(MuteIq::parse(muteElement("r@c.example.com/b", "yes"))->mute, false);
    EXPECT_EQ(MuteIq::parse(muteElement("r@c.example.com/b", " true"))->mute, false);
}

TEST(MuteIq, MissingPartsParseAsAbsent) {
    auto noText = MuteIq::parse(muteElement("r@c.example.com/b", ""));
    ASSERT_TRUE(noText);
    EXPECT_FALSE(noText->mute);
    auto noJid = MuteIq::parse(muteElement("", "true"));
    ASSERT_TRUE(noJid);
    EXPECT_FALSE(noJid->jid);
    xml::Element emptyJid = muteElement("", "true");
    emptyJid.setAttr("jid", "");
    EXPECT_FALSE(MuteIq::parse(emptyJid)->jid);
}

TEST(MuteIq, BadOnesAreBadRequest) {
    for (const char* file : {"focus/bad/mute-bad-jid.xml", "focus/bad/mute-wrong-namespace.xml",
                             "focus/bad/mute-jid-two-trailing-dots.xml"}) {
        auto m = MuteIq::parse(golden(file));
        ASSERT_FALSE(m) << file;
        EXPECT_EQ(m.error().condition, "bad-request") << file;
    }
    auto huge = MuteIq::parse(muteElement("r@c.example.com/b", std::string(1000, 't')));
    ASSERT_FALSE(huge);
    EXPECT_EQ(huge.error().condition, "bad-request");
}
