// Element-level behaviour of the Jingle types: what is kept for relaying, legacy action names, defaults.
#include <gtest/gtest.h>

#include "protocol/jingle/Jingle.h"
#include "unit/protocol/jingle/JingleTestUtil.h"
#include "xml/Document.h"

using namespace jicofo;
using namespace jicofo::protocol::jingle;

namespace {

xml::Element parseXml(const std::string& text) {
    auto e = xml::parseElement(text);
    EXPECT_TRUE(e) << text;
    return e ? *e : xml::Element();
}

TEST(JingleAction, LegacyNamesNormaliseAndAreWrittenBack) {
    Jingle j = test::goldenJingle("jingle/removesource-legacy.xml");
    EXPECT_EQ(j.action, JingleAction::SourceRemove);
    EXPECT_TRUE(j.legacyAction);
    EXPECT_STREQ(j.actionName(), "removesource");
    EXPECT_EQ(j.toElement().attr("action"), "removesource");
    EXPECT_STREQ(toString(JingleAction::SourceAdd, true), "addsource");
    EXPECT_STREQ(toString(JingleAction::SourceAdd), "source-add");
    auto add = parseJingleAction("addsource");
    ASSERT_TRUE(add);
    EXPECT_EQ(add->action, JingleAction::SourceAdd);
    EXPECT_TRUE(add->legacy);
    EXPECT_FALSE(parseJingleAction("source-dance"));
    for (const char* name : {"session-initiate", "session-accept", "session-terminate", "transport-info",
                             "source-add", "source-remove", "content-add", "description-info"}) {
        auto a = parseJingleAction(name);
        ASSERT_TRUE(a) << name;
        EXPECT_STREQ(toString(a->action), name);
    }
}

TEST(JingleTypes, UnmodelledAttributesAndChildrenSurviveTheRelay) {
    xml::Element in = parseXml(
        "<content xmlns='urn:xmpp:jingle:1' name='video' creator='responder' disposition='session'>"
        "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='video' x-desc='1'>"
        "<payload-type id='96' name='rtx' clockrate='90000' x-pt='2'><parameter name='apt' value='100'/>"
        "<parameter name='x-unknown' value='u'/><rtcp-fb-trr-int xmlns='urn:xmpp:jingle:apps:rtp:rtcp-fb:0' "
        "value='100'/></payload-type>"
        "<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='7' x-src='3'><parameter name='cname' "
        "value='c'/>"
        "<future xmlns='urn:example:future'/></source>"
        "<encryption required='1'><crypto tag='1'/></encryption></description>"
        "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='u' pwd='p' x-t='4'>"
        "<web-socket xmlns='http://jitsi.org/protocol/colibri' url='wss://x'/>"
        "<candidate component='1' foundation='1' generation='0' id='c' ip='192.0.2.1' network='1' port='1' "
        "priority='1' protocol='udp' type='host' x-cand='5'/></transport></content>");
    auto c = Content::parse(in);
    ASSERT_TRUE(c) << c.error().text;
    EXPECT_TRUE(test::sameXml(c->toElement(), in));
    EXPECT_EQ(c->extraAttrs.size(), 1u);  // disposition
    const PayloadType& rtx = c->description->payloadTypes[0];
    EXPECT_EQ(rtx.parameters.size(), 2u);  // unknown parameters are ordinary parameters
    EXPECT_EQ(rtx.extraChildren.size(), 1u);
    EXPECT_EQ(c->transport->candidates[0].extra.size(), 1u);
    EXPECT_EQ(c->transport->candidates[0].extra[0].first, "x-cand");
    EXPECT_EQ(c->transport->extraChildren.size(), 1u);
}

TEST(JingleTypes, BuiltObjectsUseTheDefaultChildOrder) {
    Transport t;
    t.ufrag = "u";
    t.rtcpMux = true;
    Candidate cand;
    cand.ip = "192.0.2.1";
    cand.port = 10000;
    t.candidates.push_back(cand);
    Fingerprint f;
    f.hash = "sha-1";
    f.value = "AB";
    t.fingerprints.push_back(f);
    t.sctpMaps.push_back(SctpMap::webrtcDefault());
    xml::Element e = t.toElement();
    ASSERT_EQ(e.children().size(), 4u);
    EXPECT_EQ(e.children()[0].name(), "rtcp-mux");
    EXPECT_EQ(e.children()[1].name(), "fingerprint");
    EXPECT_EQ(e.children()[2].name(), "sctpmap");
    EXPECT_EQ(e.children()[3].name(), "candidate");
    EXPECT_EQ(e.children()[3].ns(), "urn:xmpp:jingle:transports:ice-udp:1");
}

TEST(JingleTypes, RawUdpTransportNeedsOnlyComponentIpPort) {
    auto t = Transport::parse(parseXml(
        "<transport xmlns='urn:xmpp:jingle:transports:raw-udp:1'>"
        "<candidate component='1' generation='0' id='a' ip='198.51.100.7' port='10000'/></transport>"));
    ASSERT_TRUE(t) << t.error().text;
    EXPECT_EQ(t->kind, Transport::Kind::RawUdp);
    EXPECT_STREQ(t->ns(), "urn:xmpp:jingle:transports:raw-udp:1");
    auto ice = Transport::parse(parseXml(
        "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'>"
        "<candidate component='1' generation='0' id='a' ip='198.51.100.7' port='10000'/></transport>"));
    ASSERT_FALSE(ice);
    EXPECT_NE(ice.error().text.find("foundation"), std::string::npos);
}

TEST(JingleTypes, RelayCopyKeepsIceAndDtlsOnly) {
    Jingle j = test::goldenJingle("jingle/lib-jitsi-meet-1.0.6-session-accept.xml");
    const Transport& data = *j.contents[2].transport;
    Transport copy = data.relayCopy();
    EXPECT_TRUE(copy.sctpMaps.empty());
    EXPECT_EQ(copy.ufrag, data.ufrag);
    EXPECT_EQ(copy.pwd, data.pwd);
    ASSERT_EQ(copy.fingerprints.size(), 1u);
    EXPECT_EQ(copy.fingerprints[0].setup, "active");
}

TEST(JingleTypes, StartMutedAndReason) {
    auto sm = StartMuted::parse(
        parseXml("<startmuted xmlns='http://jitsi.org/jitmeet/start-muted' audio='TRUE'/>"));
    ASSERT_TRUE(sm);
    EXPECT_TRUE(sm->audio);
    EXPECT_FALSE(sm->video);  // missing ⇒ false
    xml::Element out = sm->toElement();
    EXPECT_EQ(out.attr("audio"), "true");
    EXPECT_EQ(out.attr("video"), "false");

    xml::Element term = parseXml(
        "<jingle xmlns='urn:xmpp:jingle:1' action='session-terminate' sid='s'>"
        "<reason><success/><text>bye</text></reason>"
        "<startmuted xmlns='http://jitsi.org/jitmeet/start-muted' audio='true' video='false'/></jingle>");
    auto j = Jingle::parse(term);
    ASSERT_TRUE(j);
    EXPECT_EQ(j->reason->condition, "success");
    EXPECT_EQ(j->reason->text, "bye");
    EXPECT_TRUE(test::sameXml(j->toElement(), term));
}

TEST(JingleTypes, SetOwnerOverwritesOwnerAndKeepsVideoType) {
    Source s = Source::make(1);
    s.setOwner("r1@conference.example.com/aa11");
    ASSERT_TRUE(s.ssrcInfo);
    EXPECT_EQ(s.ssrcInfo->owner, "r1@conference.example.com/aa11");
    s.ssrcInfo->videoType = "screen";
    s.setOwner("r1@conference.example.com/bb22");
    EXPECT_EQ(s.ssrcInfo->owner, "r1@conference.example.com/bb22");
    EXPECT_EQ(s.ssrcInfo->videoType, "screen");
}

TEST(JingleTypes, MediaOfContent) {
    Content data;
    data.name = "whatever";
    data.description = RtpDescription{};
    data.description->media = "application";
    EXPECT_EQ(mediaOf(data), "data");
    Content named;
    named.name = "video";
    EXPECT_EQ(mediaOf(named), "video");
    Content mid;
    mid.name = "2";
    EXPECT_EQ(mediaOf(mid, {"audio", "video", "data"}), "data");
    mid.name = "7";
    EXPECT_EQ(mediaOf(mid, {"audio", "video", "data"}), "7");
}

TEST(JingleTypes, NumbersAtTheirLimits) {
    auto s = Source::parse(parseXml("<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='4294967295'/>"));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->ssrc, 4294967295u);
    EXPECT_FALSE(Source::parse(parseXml("<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc=' 1'/>")));
    EXPECT_FALSE(Source::parse(parseXml("<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='+1'/>")));
    auto pt = PayloadType::parse(parseXml("<payload-type xmlns='urn:xmpp:jingle:apps:rtp:1' id='127'/>"));
    ASSERT_TRUE(pt);
    EXPECT_EQ(pt->id, 127);
}

}  // namespace
