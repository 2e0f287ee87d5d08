#include <gtest/gtest.h>

#include "protocol/stanza/Stanza.h"
#include "xml/Document.h"

using namespace jicofo;
using namespace jicofo::protocol;

TEST(Iq, RefusesWhatCannotBeAnIq) {
    EXPECT_EQ(Iq::parse(*xml::parseElement("<iq xmlns='jabber:client' id='1'/>")).error().condition,
              "bad-request");
    EXPECT_EQ(Iq::parse(*xml::parseElement("<iq xmlns='jabber:client' type='get'/>")).error().condition,
              "bad-request");
    EXPECT_EQ(
        Iq::parse(*xml::parseElement("<iq xmlns='jabber:client' type='fly' id='1'/>")).error().condition,
        "bad-request");
    EXPECT_EQ(Iq::parse(*xml::parseElement("<iq xmlns='jabber:client' type='get' id='1' from='a b@c'/>"))
                  .error()
                  .condition,
              "jid-malformed");
}

TEST(Iq, ErrorReplyCopiesTheRequestChildAndSwapsAddresses) {
    auto req =
        Iq::parse(*xml::parseElement("<iq xmlns='jabber:client' type='set' id='x' from='a@b/c' "
                                     "to='focus.b'><q xmlns='urn:q' a='1'/></iq>"));
    ASSERT_TRUE(req);
    auto reply = req->errorReply(StanzaError::of("feature-not-implemented")).toElement();
    EXPECT_EQ(reply.toString(),
              "<iq xmlns=\"jabber:client\" type=\"error\" id=\"x\" to=\"a@b/c\" from=\"focus.b\"><q "
              "xmlns=\"urn:q\" "
              "a=\"1\"/><error code=\"501\" type=\"cancel\"><feature-not-implemented "
              "xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/></error></iq>");
}

TEST(Iq, ErrorReplyLeavesOutALargeRequestChild) {
    auto req =
        Iq::parse(*xml::parseElement("<iq xmlns='jabber:client' type='set' id='x' from='a@b/c' "
                                     "to='focus.b'><conference xmlns='http://jitsi.org/protocol/focus' "
                                     "session-id='" +
                                     std::string(50000, 'A') + "'/></iq>"));
    ASSERT_TRUE(req);
    auto reply = req->errorReply(StanzaError::of("bad-request")).toElement();
    EXPECT_EQ(reply.toString(),
              "<iq xmlns=\"jabber:client\" type=\"error\" id=\"x\" to=\"a@b/c\" from=\"focus.b\"><error "
              "code=\"400\" type=\"modify\"><bad-request "
              "xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/></error></iq>");
}

TEST(StanzaError, ConditionsCarryTheirTypeAndLegacyCode) {
    EXPECT_EQ(StanzaError::of("not-acceptable").type, "modify");
    EXPECT_EQ(StanzaError::legacyCode("not-acceptable"), 406);
    EXPECT_EQ(StanzaError::of("not-authorized").type, "auth");
    EXPECT_EQ(StanzaError::legacyCode("not-authorized"), 401);
    EXPECT_EQ(StanzaError::of("internal-server-error").type, "wait");
    EXPECT_EQ(StanzaError::legacyCode("service-unavailable"), 503);
}
