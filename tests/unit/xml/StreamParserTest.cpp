#include <gtest/gtest.h>

#include "xml/Document.h"
#include "xml/StreamParser.h"

using jicofo::xml::Element;
using jicofo::xml::ParserLimits;
using jicofo::xml::StreamParser;

namespace {

struct Recorder : StreamParser::Listener {
    std::vector<Element> headers, stanzas;
    int closed = 0;
    void onStreamOpen(const Element& h) override { headers.push_back(h); }
    void onStanza(Element e) override { stanzas.push_back(std::move(e)); }
    void onStreamClose() override { ++closed; }
};

const std::string kStream =
    "<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
    "xmlns:stream='http://etherx.jabber.org/streams' from='focus.example.com' id='3BF96D32'>"
    "<handshake/>"
    "<iq type='set' id='c1' from='a@b/c' to='focus.example.com'>"
    "<conference xmlns='http://jitsi.org/protocol/focus' room='r@conference.example.com'>"
    "<property name='openSctp' value='true'/></conference></iq>"
    "<message to='x@y'><body>a &amp; b &lt;3 \xc3\xa9</body></message>"
    "</stream:stream>";

void checkRecorded(const Recorder& r) {
    ASSERT_EQ(r.headers.size(), 1u);
    EXPECT_EQ(r.headers[0].attr("id"), "3BF96D32");
    EXPECT_EQ(r.headers[0].name(), "stream");
    EXPECT_EQ(r.headers[0].ns(), "http://etherx.jabber.org/streams");
    ASSERT_EQ(r.stanzas.size(), 3u);
    EXPECT_EQ(r.stanzas[0].name(), "handshake");
    EXPECT_EQ(r.stanzas[0].ns(), "jabber:component:accept");
    const Element& iq = r.stanzas[1];
    EXPECT_EQ(iq.attr("id"), "c1");
    const Element* conf = iq.child("conference", "http://jitsi.org/protocol/focus");
    ASSERT_NE(conf, nullptr);
    EXPECT_EQ(conf->attr("room"), "r@conference.example.com");
    ASSERT_NE(conf->child("property"), nullptr);
    EXPECT_EQ(conf->child("property")->ns(), "http://jitsi.org/protocol/focus");
    EXPECT_EQ(r.stanzas[2].child("body")->text(), "a & b <3 \xc3\xa9");
    EXPECT_EQ(r.closed, 1);
}

}  // namespace

TEST(StreamParser, ParsesWholeStream) {
    Recorder r;
    StreamParser p(r);
    ASSERT_TRUE(p.feed(kStream.data(), kStream.size())) << p.error();
    checkRecorded(r);
}

// Input may arrive split anywhere, also inside a UTF-8 sequence or an entity.
TEST(StreamParser, SplitAtEveryByte) {
    for (size_t cut = 1; cut < kStream.size(); ++cut) {
        Recorder r;
        StreamParser p(r);
        ASSERT_TRUE(p.feed(kStream.data(), cut)) << "cut " << cut << ": " << p.error();
        ASSERT_TRUE(p.feed(kStream.data() + cut, kStream.size() - cut)) << "cut " << cut << ": " << p.error();
        checkRecorded(r);
    }
}

TEST(StreamParser, OneByteAtATime) {
    Recorder r;
    StreamParser p(r);
    for (char c : kStream) ASSERT_TRUE(p.feed(&c, 1)) << p.error();
    checkRecorded(r);
}

TEST(StreamParser, RefusesEntityBomb) {
    const std::string bomb =
        "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;&lol;'>]>"
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
        "<message><body>&lol2;</body></message>";
    Recorder r;
    StreamParser p(r);
    EXPECT_FALSE(p.feed(bomb.data(), bomb.size()));
    EXPECT_NE(p.error().find("DTD"), std::string::npos) << p.error();
    EXPECT_TRUE(r.stanzas.empty());
}

TEST(StreamParser, RefusesOversizedStanza) {
    Recorder r;
    StreamParser p(r, ParserLimits{1024, 32});
    std::string head =
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
    ASSERT_TRUE(p.feed(head.data(), head.size()));
    std::string small = "<message><body>hi</body></message>";
    ASSERT_TRUE(p.feed(small.data(), small.size()));
    std::string big = "<message><body>" + std::string(2000, 'x') + "</body></message>";
    EXPECT_FALSE(p.feed(big.data(), big.size()));
    EXPECT_NE(p.error().find("exceeds"), std::string::npos) << p.error();
    EXPECT_EQ(r.stanzas.size(), 1u);
}

TEST(StreamParser, RefusesOversizedStanzaArrivingInPieces) {
    Recorder r;
    StreamParser p(r, ParserLimits{1024, 32});
    std::string head =
        "<stream:stream xmlns='jabber:client' "
        "xmlns:stream='http://etherx.jabber.org/streams'><message><body>";
    ASSERT_TRUE(p.feed(head.data(), head.size()));
    std::string chunk(100, 'x');
    bool ok = true;
    for (int i = 0; i < 20 && ok; ++i) ok = p.feed(chunk.data(), chunk.size());
    EXPECT_FALSE(ok);
}

TEST(StreamParser, RefusesDeepNesting) {
    Recorder r;
    StreamParser p(r, ParserLimits{1 << 20, 8});
    std::string s =
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'><iq>";
    for (int i = 0; i < 10; ++i) s += "<a>";
    EXPECT_FALSE(p.feed(s.data(), s.size()));
    EXPECT_NE(p.error().find("deeper"), std::string::npos);
}

TEST(StreamParser, RefusesMalformedXml) {
    Recorder r;
    StreamParser p(r);
    std::string s =
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'><iq></message>";
    EXPECT_FALSE(p.feed(s.data(), s.size()));
    EXPECT_FALSE(p.error().empty());
}

TEST(StreamParser, ResetStartsANewStream) {
    Recorder r;
    StreamParser p(r);
    std::string s =
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'><proceed "
        "xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
    ASSERT_TRUE(p.feed(s.data(), s.size()));
    p.reset();
    ASSERT_TRUE(p.feed(s.data(), s.size())) << p.error();
    EXPECT_EQ(r.headers.size(), 2u);
    EXPECT_EQ(r.stanzas.size(), 2u);
}

TEST(Writer, EscapesAndDeclaresNamespaces) {
    Element iq("iq", "jabber:client");
    iq.setAttr("to", "a'b\"<c>&");
    auto& q = iq.addChild("query", "urn:x");
    q.setText("1 < 2 & 'q' \"d\"");
    q.addChild("item");
    EXPECT_EQ(
        iq.toString(),
        "<iq xmlns=\"jabber:client\" to=\"a&apos;b&quot;&lt;c&gt;&amp;\"><query xmlns=\"urn:x\">1 &lt; 2 "
        "&amp; 'q' \"d\"<item/></query></iq>");
    auto back = jicofo::xml::parseElement(iq.toString());
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, iq);
}

TEST(Writer, EmptyNamespaceInsideStanzaIsWritten) {
    Element p("presence", "jabber:client");
    p.addChild("bridgeIsDown", "");
    // addChild inherits an empty ns; force the empty namespace as the 2015 focus wrote it.
    p.children().back().setNs("");
    EXPECT_EQ(p.toString(), "<presence xmlns=\"jabber:client\"><bridgeIsDown xmlns=\"\"/></presence>");
}
