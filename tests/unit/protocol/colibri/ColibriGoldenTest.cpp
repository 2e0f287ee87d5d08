// Colibri v1 goldens parse and serialise back unchanged; bad ones are refused with bad-request; the stats
// and recording elements.
#include <gtest/gtest.h>

#include "protocol/colibri/ColibriConference.h"
#include "protocol/colibri/Stats.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol::colibri;

namespace {

class ColibriRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(ColibriRoundTrip, ParsesAndSerialisesBackUnchanged) {
    xml::Element in = test::goldenPayload(std::string("colibri/") + GetParam());
    auto conf = ColibriConference::parse(in);
    ASSERT_TRUE(conf) << conf.error().text;
    EXPECT_TRUE(test::sameXml(conf->toElement(), in));
}

INSTANTIATE_TEST_SUITE_P(Goldens, ColibriRoundTrip,
                         ::testing::Values("allocate-request-bundle.xml", "allocate-response-bundle.xml",
                                           "allocate-response-nobundle.xml", "update-sources.xml",
                                           "update-bundle-transport.xml", "update-payload-types.xml",
                                           "expire.xml", "mute.xml", "recording-request.xml"));

struct BadCase {
    const char* file;
    const char* textPart;
};

class ColibriBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(ColibriBad, RefusedWithBadRequest) {
    xml::Element in = test::goldenPayload(std::string("colibri/bad/") + GetParam().file);
    auto error = Stats::isStats(in) ? Stats::parse(in).error() : ColibriConference::parse(in).error();
    EXPECT_EQ(error.condition, "bad-request");
    EXPECT_NE(error.text.find(GetParam().textPart), std::string::npos) << error.text;
}

INSTANTIATE_TEST_SUITE_P(
    Goldens, ColibriBad,
    ::testing::Values(BadCase{"channel-negative-expire.xml", "expire='-1'"},
                      BadCase{"channel-bundle-without-id.xml", "'id'"},
                      BadCase{"ssrc-text-not-a-number.xml", "12ab"},
                      BadCase{"sctpconnection-port-negative.xml", "port='-5000'"},
                      BadCase{"content-without-name.xml", "'name'"},
                      BadCase{"candidate-port-too-big.xml", "port='70000'"},
                      BadCase{"stat-without-name.xml", "'name'"},
                      BadCase{"channel-second-transport.xml", "second <transport>"},
                      BadCase{"channel-bundle-second-transport.xml", "second <transport>"},
                      BadCase{"sctpconnection-second-transport.xml", "second <transport>"},
                      BadCase{"second-recording.xml", "second <recording>"}));

TEST(ColibriParse, AllocateResponseFields) {
    ColibriConference conf = test::goldenConference("colibri/allocate-response-bundle.xml");
    EXPECT_EQ(conf.id, "5a1f0c93be27d4e1");
    EXPECT_EQ(conf.name, "r1");
    ASSERT_EQ(conf.contents.size(), 3u);
    const Channel& video = conf.content("video")->channels.at(0);
    EXPECT_EQ(video.id, "0b44e9a1f7d2c365");
    EXPECT_EQ(video.endpoint, "aa11");
    EXPECT_EQ(video.expire, 60u);
    EXPECT_EQ(video.initiator, true);
    EXPECT_EQ(video.channelBundleId, "aa11");
    EXPECT_EQ(video.rtpLevelRelayType, "translator");
    EXPECT_EQ(video.lastN, 5);
    EXPECT_EQ(video.sources.at(0).ssrc, 2417834529u);
    EXPECT_EQ(video.receivedSsrcs, (std::vector<uint32_t>{1964250371u, 412093377u}));
    const SctpConnection& data = conf.content("data")->sctpConnections.at(0);
    EXPECT_EQ(data.port, 5000);
    EXPECT_EQ(data.id, "71c0aa5e9d3b2f48");
    ASSERT_EQ(conf.channelBundles.size(), 2u);
    const auto& t = *conf.channelBundle("aa11")->transport;
    EXPECT_TRUE(t.rtcpMux);
    EXPECT_EQ(t.fingerprints.at(0).hash, "sha-1");
    EXPECT_TRUE(t.fingerprints.at(0).setup.empty());
    ASSERT_EQ(t.candidates.size(), 3u);
    EXPECT_EQ(t.candidates[1].tcptype, "passive");
    EXPECT_EQ(t.candidates[2].relPort, 10000);
}

TEST(ColibriParse, ChannelAttributesRoundTrip) {
    Channel ch;
    ch.id = "x";
    ch.direction = "sendonly";
    ch.lastN = -1;
    ch.adaptiveLastN = true;
    ch.adaptiveSimulcast = false;
    ch.simulcastMode = "SWITCHING";
    ch.receiveSimulcastLayer = 1;
    ch.rtpLevelRelayType = "mixer";
    ch.extraAttrs = {{"x-future", "1"}};
    xml::Element e = ch.toElement();
    EXPECT_EQ(e.attr("adaptive-simulcast"), "false");
    EXPECT_EQ(e.attr("receive-simulcast-layer"), "1");
    auto back = Channel::parse(e);
    ASSERT_TRUE(back);
    EXPECT_TRUE(test::sameXml(back->toElement(), e));
    EXPECT_EQ(back->lastN, -1);
    EXPECT_EQ(back->direction, "sendonly");
}

TEST(ColibriParse, PayloadTypesInAChannelAreInTheColibriNamespace) {
    ColibriConference conf = test::goldenConference("colibri/allocate-request-bundle.xml");
    xml::Element ch = conf.contents.at(0).channels.at(0).toElement();
    const xml::Element* opus = ch.child("payload-type");
    ASSERT_NE(opus, nullptr);
    EXPECT_EQ(opus->ns(), "http://jitsi.org/protocol/colibri");
    EXPECT_EQ(opus->child("parameter")->ns(), "http://jitsi.org/protocol/colibri");
}

TEST(ColibriStats, PubSubItemStats) {
    xml::Element message = test::golden("colibri/stats-pubsub-event.xml");
    const xml::Element* stats = message.child("event")->child("items")->child("item")->child("stats");
    ASSERT_NE(stats, nullptr);
    auto s = Stats::parse(*stats);
    ASSERT_TRUE(s) << s.error().text;
    EXPECT_EQ(s->stats.size(), 14u);
    EXPECT_EQ(s->number("videostreams"), 12);
    EXPECT_EQ(s->number("conferences"), 2);
    EXPECT_FALSE(s->number("cpu_usage"));  // 0.25 is not an integer
    EXPECT_EQ(*s->get("cpu_usage"), "0.25");
    EXPECT_FALSE(s->get("nope"));
    EXPECT_TRUE(test::sameXml(s->toElement(), *stats));
}

TEST(ColibriStats, FocusStatsAnswer) {
    Stats s;
    s.set("conferences", "3");
    s.set("graceful_shutdown", "false");
    s.set("conferences", "4");
    xml::Element e = s.toElement();
    EXPECT_EQ(e.toString(),
              "<stats xmlns=\"http://jitsi.org/protocol/colibri\"><stat name=\"conferences\" value=\"4\"/>"
              "<stat name=\"graceful_shutdown\" value=\"false\"/></stats>");
}

TEST(ColibriRecording, RequestFields) {
    ColibriConference conf = test::goldenConference("colibri/recording-request.xml");
    ASSERT_TRUE(conf.recording);
    EXPECT_EQ(conf.recording->state, "on");
    EXPECT_EQ(conf.recording->token, "T");
    EXPECT_EQ(conf.recording->directory, "/p");
    EXPECT_TRUE(conf.id.empty());
}

}  // namespace
