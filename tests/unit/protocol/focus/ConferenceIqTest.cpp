#include <gtest/gtest.h>

#include "protocol/focus/ConferenceIq.h"
#include "protocol/focus/FocusErrors.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"
#include "support/Golden.h"

using namespace jicofo;
using jicofo::protocol::ConferenceIq;
using jicofo::protocol::Iq;
using jicofo::test::golden;

namespace {
ConferenceIq payloadOf(const std::string& file) {
    auto iq = Iq::parse(golden(file));
    EXPECT_TRUE(iq) << file;
    auto c = ConferenceIq::parse(*iq->payload);
    EXPECT_TRUE(c) << file;
    return c.value();
}
}  // namespace

TEST(ConferenceIq, ParsesLibJitsiMeet106Request) {
    auto c = payloadOf("focus/conference-request.lib-jitsi-meet-1.0.6.xml");
    EXPECT_EQ(c.room, "room1@conference.jitsi.example.test");
    EXPECT_EQ(c.machineUid, "e8b16f9deb16b144dfd02e0a12cfaa99");
    EXPECT_FALSE(c.sessionId);
    ASSERT_EQ(c.properties.size(), 5u);
    EXPECT_EQ(c.properties[0].first, "disableAdaptiveSimulcast");
    EXPECT_EQ(c.property("openSctp"), "true");
    EXPECT_EQ(c.property("simulcastMode"), "rewriting");
}

TEST(ConferenceIq, Parses2020Request) {
    auto c = payloadOf("focus/conference-request.lib-jitsi-meet-2020-unified.xml");
    EXPECT_EQ(c.room, "room2@conference.jitsi.example.test");
    EXPECT_EQ(c.property("enableLipSync"), "false");
}

TEST(ConferenceIq, ProtocolExampleRoundTrips) {
    auto e = golden("focus/conference-request.protocol.xml");
    auto iq = Iq::parse(e);
    ASSERT_TRUE(iq);
    auto c = ConferenceIq::parse(*iq->payload);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->sessionId, "3f0c1d2e-aaaa");
    EXPECT_EQ(c->property("bridge"), "jitsi-videobridge.example.com");
    EXPECT_EQ(c->property("startAudioMuted"), "9");
    EXPECT_EQ(c->toElement(), *iq->payload);
    EXPECT_EQ(iq->toElement(), e);
}

TEST(ConferenceIq, ResultSerialisesAsTheOriginal) {
    auto expected = golden("focus/conference-result.xml");
    ConferenceIq c;
    c.room = "myroom@conference.example.com";
    c.ready = true;
    c.focusJid = "focus@auth.example.com";
    c.addProperty("authentication", "false");
    Iq request;
    request.type = protocol::IqType::Set;
    request.id = "c1";
    request.from = *util::Jid::parse("x1y2@guest.example.com/r1");
    request.to = *util::Jid::parse("focus.example.com");
    EXPECT_EQ(request.result(c.toElement()).toElement(), expected);
}

TEST(ConferenceIq, SessionInvalidErrorAsTheOriginal) {
    auto expected = golden("focus/conference-error-session-invalid.xml");
    auto requestPayload = xml::Element("conference", protocol::ns::kFocus);
    requestPayload.setAttr("room", "myroom@conference.example.com");
    requestPayload.setAttr("session-id", "bad");
    Iq request = Iq::request(protocol::IqType::Set, *util::Jid::parse("focus.example.com"), requestPayload);
    request.id = "c1";
    request.from = *util::Jid::parse("x1y2@guest.example.com/r1");
    EXPECT_EQ(request.errorReply(protocol::focus_errors::sessionInvalid()).toElement(), expected);
    // And it parses back into the same error.
    auto back = Iq::parse(expected);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->error->condition, "not-acceptable");
    EXPECT_EQ(back->error->text, "invalid session");
    EXPECT_EQ(back->error->appSpecific->name(), "session-invalid");
}

TEST(ConferenceIq, EmptyAttributesAndValuesCountAsAbsent) {
    xml::Element e("conference", protocol::ns::kFocus);
    e.setAttr("room", "");
    e.setAttr("session-id", "");
    e.addChild("property").setAttr("name", "bridge");
    auto c = ConferenceIq::parse(e);
    ASSERT_TRUE(c);
    EXPECT_FALSE(c->room);
    EXPECT_FALSE(c->sessionId);
    EXPECT_FALSE(c->property("bridge"));
}

TEST(ConferenceIq, DuplicatePropertyLastWins) {
    xml::Element e("conference", protocol::ns::kFocus);
    auto& a = e.addChild("property");
    a.setAttr("name", "openSctp");
    a.setAttr("value", "true");
    auto& b = e.addChild("property");
    b.setAttr("name", "openSctp");
    b.setAttr("value", "false");
    EXPECT_EQ(ConferenceIq::parse(e)->property("openSctp"), "false");
}

TEST(ConferenceIq, HostileInputsAreBadRequests) {
    for (const char* file :
         {"focus/bad/conference-wrong-namespace.xml", "focus/bad/conference-too-many-properties.xml",
          "focus/bad/conference-huge-room.xml"}) {
        auto r = ConferenceIq::parse(golden(file));
        ASSERT_FALSE(r) << file;
        EXPECT_EQ(r.error().condition, "bad-request") << file;
        EXPECT_EQ(r.error().type, "modify");
    }
}

TEST(FocusErrors, GracefulShutdownAndReservation) {
    auto g = protocol::focus_errors::gracefulShutdown().toElement();
    EXPECT_EQ(g.attr("code"), "503");
    EXPECT_EQ(g.attr("type"), "cancel");
    ASSERT_TRUE(g.child("graceful-shutdown", protocol::ns::kColibri));
    auto r = protocol::focus_errors::reservationError(3, "").toElement();
    ASSERT_TRUE(r.child("reservation-error", protocol::ns::kFocus));
    EXPECT_EQ(r.child("reservation-error", protocol::ns::kFocus)->attr("error-code"), "3");
    EXPECT_FALSE(r.child("text", protocol::ns::kStanzas));
}
