// The colibri stats of a bridge's brewery presence (docs/media.md §1.5): typed stats, lenient booleans,
// unknown stats kept, number formatting.
#include <gtest/gtest.h>

#include "protocol/colibri2/BreweryStats.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol::colibri2;

namespace {

TEST(BreweryStats, PresenceOfAModernBridge) {
    xml::Element presence = test::golden("colibri2/brewery-presence.xml");
    auto s = BreweryStats::parse(*BreweryStats::findIn(presence));
    ASSERT_TRUE(s) << s.error().text;
    EXPECT_DOUBLE_EQ(*s->stressLevel, 0.0123);
    EXPECT_DOUBLE_EQ(*s->averageParticipantStress, 0.005);
    EXPECT_EQ(s->drain, false);
    EXPECT_EQ(s->gracefulShutdown, false);
    EXPECT_EQ(s->shuttingDown, false);
    EXPECT_EQ(s->healthy, true);
    EXPECT_EQ(s->colibri2, true);
    EXPECT_EQ(s->region, "eu-west-1");
    EXPECT_EQ(s->relayId, "10.0.0.5:4096");
    EXPECT_EQ(s->version, "2.3.105-ge155b81e");
    EXPECT_EQ(s->release, "2.3-105");
    ASSERT_NE(s->other("conferences"), nullptr);
    EXPECT_EQ(*s->other("conferences"), "3");
    EXPECT_NE(s->other("current_timestamp"), nullptr);
}

TEST(BreweryStats, PresenceWithoutStatsIsNoBridge) {
    xml::Element presence("presence", "jabber:client");
    presence.addChild("x", "http://jabber.org/protocol/muc#user");
    EXPECT_EQ(BreweryStats::findIn(presence), nullptr);
}

TEST(BreweryStats, BooleansInAnyCaseAndDigits) {
    auto s = BreweryStats::parse(test::golden("colibri2/brewery-stats-draining.xml"));
    ASSERT_TRUE(s) << s.error().text;
    EXPECT_EQ(s->drain, true);
    EXPECT_EQ(s->gracefulShutdown, true);
    EXPECT_FALSE(s->shuttingDown);  // absent
    EXPECT_DOUBLE_EQ(*s->stressLevel, 0.85);
    EXPECT_EQ(s->region, "us-east-1");
}

TEST(BreweryStats, BuiltInCodeInDefaultOrder) {
    BreweryStats s;
    s.region = "r1";
    s.stressLevel = 0.0;
    s.drain = true;
    s.others.emplace_back("conferences", "0");
    EXPECT_EQ(s.toElement().toString(),
              "<stats xmlns=\"http://jitsi.org/protocol/colibri\"><stat name=\"stress_level\" value=\"0.0\"/>"
              "<stat name=\"drain\" value=\"true\"/><stat name=\"region\" value=\"r1\"/>"
              "<stat name=\"conferences\" value=\"0\"/></stats>");
}

TEST(BreweryStats, RepeatedStatFirstWins) {
    xml::Element e("stats", "http://jitsi.org/protocol/colibri");
    e.addChild("stat").setAttr("name", "region").setAttr("value", "a");
    e.addChild("stat").setAttr("name", "region").setAttr("value", "b");
    auto s = BreweryStats::parse(e);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->region, "a");
}

TEST(BreweryStats, NumberFormat) {
    EXPECT_EQ(formatStatNumber(0.0), "0.0");
    EXPECT_EQ(formatStatNumber(1.0), "1.0");
    EXPECT_EQ(formatStatNumber(0.05), "0.05");
    EXPECT_EQ(formatStatNumber(0.0123), "0.0123");
    EXPECT_EQ(formatStatNumber(0.00001), "0.00001");
}

}  // namespace
