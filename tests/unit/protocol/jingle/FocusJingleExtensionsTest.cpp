// The focus's own Jingle extensions (docs/media.md §3.7): <bridge-session> (restart requests and the offer's
// session id), <ice-state>, <json-message> with the compact JSON sources, and the presence's
// <conference-properties>. Goldens parse into the right values and serialise back unchanged.
#include <gtest/gtest.h>

#include "protocol/colibri2/MediaSource.h"
#include "protocol/focus/ConferencePropertiesExt.h"
#include "protocol/jingle/JsonSources.h"
#include "unit/protocol/jingle/JingleTestUtil.h"
#include "util/Json.h"

using namespace jicofo;
using namespace jicofo::protocol::jingle;

namespace {

Source named(uint32_t ssrc, const std::string& owner, const std::string& name, const std::string& msid = "") {
    Source s = Source::make(ssrc);
    protocol::colibri2::setSourceName(s, name);
    if (!msid.empty()) s.setParam("msid", msid);
    s.setOwner(owner);
    return s;
}

const std::string kBob = "r1@conference.example.com/bob";
const std::string kCarol = "r1@conference.example.com/carol";

// bob: audio 2001, video 3001+3002 (FID) and a screen 3003; carol: audio 4001 with an audio FID group.
MediaSources twoPeers() {
    MediaSources m;
    m.at("audio").sources.push_back(named(2001, kBob, "bob-a0", "s1 t0"));
    auto& video = m.at("video");
    video.sources.push_back(named(3001, kBob, "bob-v0", "s1 t1"));
    video.sources.push_back(named(3002, kBob, "bob-v0", "s1 t1"));
    Source screen = named(3003, kBob, "bob-v1", "s2 t2");
    screen.ssrcInfo->videoType = "screen";
    video.sources.push_back(screen);
    video.groups.push_back({"FID", {3001, 3002}, {}});
    m.at("audio").sources.push_back(named(4001, kCarol, "carol-a0"));
    m.at("audio").groups.push_back({"FID", {4001, 4002}, {}});
    return m;
}

}  // namespace

TEST(BridgeSession, RestartRequestFromTheClient) {
    auto j = test::goldenJingle("jingle/session-terminate-restart.xml");
    ASSERT_TRUE(j.bridgeSession);
    EXPECT_EQ(j.bridgeSession->id, "8d0b7e3c-4a7c-4bfa-9e59-3a3f0cba1f2e");
    EXPECT_TRUE(j.bridgeSession->restartRequested());
    ASSERT_TRUE(j.reason);
    EXPECT_FALSE(j.iceState);
}

TEST(BridgeSession, OfferCarriesOnlyTheId) {
    BridgeSession b{"abc", "", std::nullopt, {}};
    EXPECT_EQ(b.toElement().toString(),
              "<bridge-session xmlns=\"http://jitsi.org/protocol/focus\" id=\"abc\"/>");
    EXPECT_FALSE(b.restartRequested());
    auto back = BridgeSession::parse(b.toElement());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->id, "abc");
    EXPECT_FALSE(back->restart);
}

TEST(IceState, FailedFromA2021Client) {
    auto j = test::goldenJingle("jingle/session-info-ice-failed.xml");
    ASSERT_TRUE(j.iceState);
    EXPECT_TRUE(j.iceState->failed());
    ASSERT_TRUE(j.bridgeSession);
    EXPECT_FALSE(j.bridgeSession->restartRequested());
    EXPECT_FALSE(IceState{"checking"}.failed());
}

TEST(JsonSources, SerialisesTheCompactFormatExactly) {
    // The text of the golden is what jicofo's compactJson writes for these sources: video sources, video
    // groups, audio sources, and the audio groups only when there are some; names, msids, "v":"d" for a
    // screen.
    auto golden = test::goldenJingle("jingle/source-add-json.xml");
    ASSERT_TRUE(golden.jsonMessage);
    EXPECT_EQ(JsonSources::fromMediaSources(twoPeers()).toJson(), golden.jsonMessage->text);
}

TEST(JsonSources, ParsesBackToTheSameSourcesWithOwners) {
    auto golden = test::goldenJingle("jingle/source-add-json.xml");
    auto parsed = JsonSources::parse(golden.jsonMessage->text);
    ASSERT_TRUE(parsed) << parsed.error().text;
    ASSERT_EQ(parsed->endpoints.size(), 2u);
    EXPECT_EQ(parsed->endpoints[0].owner, kBob);
    MediaSources m = parsed->toMediaSources();
    const Source* screen = m.findSource(3003);
    ASSERT_TRUE(screen);
    EXPECT_EQ(protocol::colibri2::sourceName(*screen), "bob-v1");
    ASSERT_TRUE(screen->ssrcInfo);
    EXPECT_EQ(screen->ssrcInfo->owner, kBob);
    ASSERT_TRUE(screen->param("msid"));
    EXPECT_EQ(*screen->param("msid"), "s2 t2");
    EXPECT_EQ(m.find("video")->groups.size(), 1u);
    EXPECT_EQ(m.find("audio")->groups.size(), 1u);
    // Round trip: written again, the same text.
    EXPECT_EQ(parsed->toJson(), golden.jsonMessage->text);
}

TEST(JsonSources, EmptyAndUnrepresentable) {
    EXPECT_EQ(JsonSources::fromMediaSources({}).toJson(), "{\"sources\":{}}");
    MediaSources m;
    m.at("video").sources.push_back(named(1, kBob, "bob-v0"));
    m.at("video").groups.push_back({"FEC-FR", {1, 2}, {}});  // no compact code: left out
    m.at("data");                                            // not audio/video: left out
    EXPECT_EQ(JsonSources::fromMediaSources(m).toJson(),
              "{\"sources\":{\"r1@conference.example.com/bob\":[[{\"s\":1,\"n\":\"bob-v0\"}],[],[]]}}");
}

TEST(JsonSources, AcceptsWhitespaceAndUnknownMembers) {
    auto p = JsonSources::parse(
        " { \"other\": 1, \"sources\" : { \"a/b\" : [ [ {\"s\": 7, \"x\": [1,2]} ] ] } } ");
    ASSERT_TRUE(p) << p.error().text;
    ASSERT_EQ(p->endpoints.size(), 1u);
    EXPECT_TRUE(p->toMediaSources().findSource(7));
}

TEST(JsonSources, RefusesWhatIsNotTheFormat) {
    for (const char* bad :
         {"", "{", "[]", "{\"sources\":[]}", "{\"sources\":{\"a\":[[{\"n\":\"x\"}]]}}",
          "{\"sources\":{\"a\":[[{\"s\":4294967296}]]}}", "{\"sources\":{\"a\":[[],[[\"q\",1]]]}}",
          "{\"sources\":{\"a\":[[],[],[],[],[]]}}", "{\"sources\":{\"a\":[[{\"s\":-1}]]}}",
          "{\"sources\":{\"a\":[[[[[[[[[[1]]]]]]]]]]}}", "{\"sources\":{}} x"}) {
        auto p = JsonSources::parse(bad);
        EXPECT_FALSE(p) << bad;
        if (!p) {
            EXPECT_EQ(p.error().condition, "bad-request") << bad;
        }
    }
}

TEST(Json, QuotesAndReadsEscapes) {
    EXPECT_EQ(util::jsonQuote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
    auto v = util::parseJson("\"a\\\"b\\u00e9\\ud83d\\ude00\"");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->text, "a\"b\xc3\xa9\xf0\x9f\x98\x80");
    std::string error;
    EXPECT_FALSE(util::parseJson("[1,]", &error));
    EXPECT_FALSE(error.empty());
}

TEST(ConferencePropertiesExt, SupportTerminateRestart) {
    auto golden = test::golden("focus/conference-properties.xml");
    auto parsed = protocol::ConferencePropertiesExt::parse(golden);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->get("support-terminate-restart"), "true");
    EXPECT_FALSE(parsed->get("other"));
    EXPECT_TRUE(test::sameXml(parsed->toElement(), golden));
    xml::Element bad("conference-properties", "http://jitsi.org/protocol/focus");
    bad.addChild("property").setAttr("value", "x");
    EXPECT_FALSE(protocol::ConferencePropertiesExt::parse(bad));
}
