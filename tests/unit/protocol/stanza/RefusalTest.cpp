#include <gtest/gtest.h>

#include "protocol/stanza/Refusal.h"

using jicofo::protocol::refusalFor;
using jicofo::xml::Element;

namespace {
Element envelope(const char* name, const char* type, const char* id = "r1") {
    Element e(name, "jabber:client");
    if (type) e.setAttr("type", type);
    if (id) e.setAttr("id", id);
    e.setAttr("from", "room@conference.example.com/guest");
    e.setAttr("to", "focus@auth.example.com/focus");
    return e;
}
}  // namespace

TEST(Refusal, IqRequestGetsPolicyViolationBackToItsSender) {
    for (const char* type : {"get", "set"}) {
        auto reply = refusalFor(envelope("iq", type), "stanza nested deeper than 32");
        ASSERT_TRUE(reply) << type;
        EXPECT_EQ(
            reply->toElement().toString(),
            "<iq xmlns=\"jabber:client\" type=\"error\" id=\"r1\" to=\"room@conference.example.com/guest\" "
            "from=\"focus@auth.example.com/focus\"><error code=\"406\" type=\"modify\"><policy-violation "
            "xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/><text "
            "xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\" xml:lang=\"en\">stanza refused: stanza nested "
            "deeper than "
            "32</text></error></iq>");
    }
}

TEST(Refusal, NothingForWhatCannotBeAnswered) {
    EXPECT_FALSE(refusalFor(envelope("iq", "result"), "x"));
    EXPECT_FALSE(refusalFor(envelope("iq", "error"), "x"));
    EXPECT_FALSE(refusalFor(envelope("iq", "set", nullptr), "x"));
    EXPECT_FALSE(refusalFor(envelope("presence", nullptr), "x"));
    EXPECT_FALSE(refusalFor(envelope("message", "chat"), "x"));
    Element bad = envelope("iq", "get");
    bad.setAttr("from", "@@bad");
    EXPECT_FALSE(refusalFor(bad, "x"));
}
