#include <gtest/gtest.h>

#include "xml/Document.h"
#include "xml/StreamParser.h"

using jicofo::xml::Element;
using jicofo::xml::ParserLimits;
using jicofo::xml::StreamParser;

namespace {

struct Recorder : StreamParser::Listener {
    std::vector<Element> headers, stanzas;
    std::vector<std::pair<Element, std::string>> refused;
    int closed = 0;
    void onStreamOpen(const Element& h) override { headers.push_back(h); }
    void onStanzaRefused(const Element& e, const std::string& why) override { refused.emplace_back(e, why); }
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

const std::string kClientHead =
    "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

// A stanza over a limit costs that stanza only: it is reported with its envelope and the stream goes on.
void expectSkippedThenServed(StreamParser& p, Recorder& r, const std::string& hostile,
                             const std::string& why) {
    ASSERT_TRUE(p.feed(hostile.data(), hostile.size())) << p.error();
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_NE(r.refused[0].second.find(why), std::string::npos) << r.refused[0].second;
    std::string next = "<message id='after'><body>still here</body></message>";
    ASSERT_TRUE(p.feed(next.data(), next.size())) << p.error();
    ASSERT_FALSE(r.stanzas.empty());
    EXPECT_EQ(r.stanzas.back().attr("id"), "after");
}

TEST(StreamParser, SkipsOversizedStanza) {
    Recorder r;
    StreamParser p(r, ParserLimits{1024, 32});
    ASSERT_TRUE(p.feed(kClientHead.data(), kClientHead.size()));
    std::string small = "<message><body>hi</body></message>";
    ASSERT_TRUE(p.feed(small.data(), small.size()));
    std::string big =
        "<iq type='set' id='big' from='a@b/c'><q xmlns='urn:x'>" + std::string(2000, 'x') + "</q></iq>";
    expectSkippedThenServed(p, r, big, "exceeds 1024 bytes");
    EXPECT_EQ(r.refused[0].first.name(), "iq");
    EXPECT_EQ(r.refused[0].first.attr("id"), "big");
    EXPECT_EQ(r.refused[0].first.attr("from"), "a@b/c");
    EXPECT_TRUE(r.refused[0].first.children().empty());
    EXPECT_EQ(r.stanzas.size(), 2u);
}

TEST(StreamParser, SkipsOversizedStanzaArrivingInPieces) {
    Recorder r;
    StreamParser p(r, ParserLimits{1024, 32});
    std::string head = kClientHead + "<message id='m'><body>";
    ASSERT_TRUE(p.feed(head.data(), head.size()));
    std::string chunk(100, 'x');
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(p.feed(chunk.data(), chunk.size())) << p.error();
    EXPECT_TRUE(r.refused.empty()) << "reported once the stanza ends, with all of its envelope";
    expectSkippedThenServed(p, r, "</body></message>", "exceeds");
}

TEST(StreamParser, StanzaThatNeverEndsEndsTheStream) {
    Recorder r;
    ParserLimits limits;
    limits.maxStanzaBytes = 1024;
    limits.hardStanzaBytes = 4096;
    StreamParser p(r, limits);
    std::string head = kClientHead + "<message><body>";
    ASSERT_TRUE(p.feed(head.data(), head.size()));
    std::string chunk(1000, 'x');
    bool ok = true;
    for (int i = 0; i < 10 && ok; ++i) ok = p.feed(chunk.data(), chunk.size());
    EXPECT_FALSE(ok);
    EXPECT_NE(p.error().find("still open"), std::string::npos) << p.error();
}

TEST(StreamParser, SkipsDeepNesting) {
    for (int depth : {9, 40, 600}) {
        Recorder r;
        StreamParser p(r, ParserLimits{1 << 20, 8});
        ASSERT_TRUE(p.feed(kClientHead.data(), kClientHead.size()));
        std::string s = "<iq type='set' id='deep' from='x@y/z'>";
        for (int i = 0; i < depth; ++i) s += "<a xmlns='urn:a' n='1'>";
        for (int i = 0; i < depth; ++i) s += "</a>";
        s += "</iq>";
        expectSkippedThenServed(p, r, s, "deeper than 8");
        EXPECT_EQ(r.refused[0].first.attr("id"), "deep");
    }
}

TEST(StreamParser, NestingAtTheLimitIsKept) {
    Recorder r;
    StreamParser p(r, ParserLimits{1 << 20, 8});
    ASSERT_TRUE(p.feed(kClientHead.data(), kClientHead.size()));
    std::string s = "<iq type='set' id='ok'>";
    for (int i = 0; i < 8; ++i) s += "<a>";
    for (int i = 0; i < 8; ++i) s += "</a>";
    s += "</iq>";
    ASSERT_TRUE(p.feed(s.data(), s.size()));
    EXPECT_TRUE(r.refused.empty());
    ASSERT_EQ(r.stanzas.size(), 1u);
}

std::string withAttributes(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += " a" + std::to_string(i) + "='v'";
    return s;
}

TEST(StreamParser, SkipsElementsWithTooManyAttributes) {
    for (bool onRoot : {true, false}) {
        Recorder r;
        StreamParser p(r);
        ASSERT_TRUE(p.feed(kClientHead.data(), kClientHead.size()));
        std::string attrs = withAttributes(2000);
        std::string s = onRoot ? "<iq type='get' id='attrs'" + attrs + "><q xmlns='urn:q'/></iq>"
                               : "<iq type='get' id='attrs'><q xmlns='urn:q'" + attrs + "/></iq>";
        expectSkippedThenServed(p, r, s, "attributes (limit 64)");
        EXPECT_EQ(r.refused[0].first.attr("id"), "attrs");
    }
}

TEST(StreamParser, SkipsElementsWithTooManyChildren) {
    Recorder r;
    StreamParser p(r);
    ASSERT_TRUE(p.feed(kClientHead.data(), kClientHead.size()));
    std::string s = "<iq type='set' id='kids'><q xmlns='urn:q'>";
    for (int i = 0; i < 4000; ++i) s += "<c/>";
    s += "</q></iq>";
    expectSkippedThenServed(p, r, s, "children");
}

// x:from is another attribute than from (XML namespaces): it must never be read as the sender.
TEST(StreamParser, DropsNamespacedAttributes) {
    for (const char* order : {"before", "after", "alone"}) {
        Recorder r;
        StreamParser p(r);
        ASSERT_TRUE(p.feed(kClientHead.data(), kClientHead.size()));
        std::string spoof = " xmlns:x='urn:spoof' x:from='room@muc/owner' x:type='result'";
        std::string real = std::string(order) == "alone" ? "" : " from='room@muc/guest'";
        std::string s = std::string("<iq type='set' id='s' xml:lang='en'") +
                        (std::string(order) == "before" ? spoof + real : real + spoof) +
                        "><mute xmlns='http://jitsi.org/jitmeet/audio' x:jid='a' jid='b'>true</mute></iq>";
        ASSERT_TRUE(p.feed(s.data(), s.size())) << p.error();
        ASSERT_EQ(r.stanzas.size(), 1u);
        const Element& iq = r.stanzas[0];
        EXPECT_EQ(iq.attr("type"), "set");
        EXPECT_EQ(iq.attr("xml:lang"), "en");
        if (real.empty())
            EXPECT_FALSE(iq.hasAttr("from")) << order;
        else
            EXPECT_EQ(iq.attr("from"), "room@muc/guest") << order;
        EXPECT_EQ(iq.attributes().size(), real.empty() ? 3u : 4u) << order;
        EXPECT_EQ(iq.children()[0].attr("jid"), "b");
        EXPECT_EQ(iq.children()[0].attributes().size(), 1u);
    }
}

// Debian's expat backports reparse deferral: a stanza ending in a large token must still come out at once
// on a quiet stream.
TEST(StreamParser, StanzaEndingInALargeTokenIsNotHeldBack) {
    Recorder r;
    StreamParser p(r);
    ASSERT_TRUE(p.feed(kClientHead.data(), kClientHead.size()));
    std::string s = "<iq type='set' id='big'><conference xmlns='http://jitsi.org/protocol/focus' room='" +
                    std::string(64 * 1024, 'r') + "'/></iq>";
    ASSERT_TRUE(p.feed(s.data(), s.size())) << p.error();
    ASSERT_EQ(r.stanzas.size(), 1u);
    EXPECT_EQ(r.stanzas[0].children()[0].attr("room").size(), 64u * 1024);
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
