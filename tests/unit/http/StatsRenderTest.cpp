// The text forms of /stats, /metrics, /about/health and /about/version.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <sstream>

#include "http/StatsRender.h"

namespace jicofo::http {
namespace {

FocusStats sample() {
    FocusStats s;
    s.conferences = 3;
    s.participants = 7;
    s.largestConference = 4;
    s.conferenceSizes = {1, 0, 0, 1, 1};
    s.conferencesCreated = 12;
    s.bridges = 2;
    s.operationalBridges = 1;
    s.gracefulShutdown = true;
    s.componentConnected = true;
    s.clientConnected = false;
    s.uptimeSeconds = 3600;
    s.loopLatencyMs = 1.25;
    return s;
}

Poco::JSON::Object::Ptr parse(const std::string& json) {
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

TEST(StatsJson, CarriesEveryFieldUnderItsName) {
    auto o = parse(statsJson(sample()));
    EXPECT_EQ(o->getValue<int>("conferences"), 3);
    EXPECT_EQ(o->getValue<int>("participants"), 7);
    EXPECT_EQ(o->getValue<int>("largest_conference"), 4);
    EXPECT_EQ(o->getArray("conference_sizes")->size(), 5u);
    EXPECT_EQ(o->getArray("conference_sizes")->getElement<int>(3), 1);
    EXPECT_EQ(o->getValue<int>("total_conferences_created"), 12);
    EXPECT_EQ(o->getValue<int>("bridges"), 2);
    EXPECT_EQ(o->getValue<int>("operational_bridges"), 1);
    EXPECT_EQ(o->getObject("bridge_selector")->getValue<int>("operational_bridge_count"), 1);
    EXPECT_TRUE(o->getValue<bool>("graceful_shutdown"));
    EXPECT_TRUE(o->getObject("xmpp")->getValue<bool>("component_connected"));
    EXPECT_FALSE(o->getObject("xmpp")->getValue<bool>("focus_user_connected"));
    EXPECT_EQ(o->getValue<int>("uptime_seconds"), 3600);
    EXPECT_DOUBLE_EQ(o->getValue<double>("focus_loop_latency_ms"), 1.25);
}

TEST(StatsJson, CarriesWhatTheOperatorPageShows) {
    FocusStats s;
    s.componentJid = "focus.example.com";
    s.focusUserJid = "focus@auth.example.com/focus1";
    s.conferenceList = {{"r1@conference.example.com", 2, 65, {"jvb.example.com"}}};
    BridgeInfo b;
    b.jid = "jvb.example.com";
    b.healthy = true;
    b.conferences = 1;
    b.videoStreams = 4;
    s.bridgeList = {b};
    s.recentWarnings = {"2015-11-05 16:52:26.123 WARNING [1] x"};
    auto o = parse(statsJson(s));
    auto room = o->getArray("rooms")->getObject(0);
    EXPECT_EQ(room->getValue<std::string>("room"), "r1@conference.example.com");
    EXPECT_EQ(room->getValue<int>("participants"), 2);
    EXPECT_EQ(room->getValue<int>("age_seconds"), 65);
    EXPECT_EQ(room->getArray("bridges")->getElement<std::string>(0), "jvb.example.com");
    auto bridge = o->getArray("bridge_list")->getObject(0);
    EXPECT_EQ(bridge->getValue<std::string>("jid"), "jvb.example.com");
    EXPECT_TRUE(bridge->getValue<bool>("healthy"));
    EXPECT_FALSE(bridge->getValue<bool>("operational"));
    EXPECT_EQ(bridge->getValue<int>("conferences"), 1);
    EXPECT_EQ(bridge->getValue<int>("video_streams"), 4);
    EXPECT_FALSE(bridge->has("video_channels"));  // not reported: absent, not 0
    EXPECT_EQ(o->getArray("recent_warnings")->getElement<std::string>(0),
              "2015-11-05 16:52:26.123 WARNING [1] x");
    EXPECT_EQ(o->getObject("xmpp")->getValue<std::string>("focus_user_jid"), "focus@auth.example.com/focus1");
}

TEST(StatsJson, KeysKeepTheirDocumentedOrder) {
    std::string json = statsJson(FocusStats{});
    EXPECT_EQ(json.rfind("{\"conferences\":0,\"participants\":0,\"largest_conference\":0,", 0), 0u) << json;
    EXPECT_NE(json.find("\"graceful_shutdown\":false"), std::string::npos);
}

TEST(Prometheus, ModernJicofoNamesWithHelpAndType) {
    VersionInfo v;
    v.version = "1.0.0-abc\"x";
    std::string text = prometheusText(sample(), v);
    for (const char* line :
         {"# TYPE jitsi_jicofo_conferences gauge\njitsi_jicofo_conferences 3\n",
          "jitsi_jicofo_participants 7\n", "jitsi_jicofo_largest_conference 4\n",
          "# TYPE jitsi_jicofo_conferences_created_total counter\njitsi_jicofo_conferences_created_total "
          "12\n",
          "jitsi_jicofo_bridge_selector_bridge_count 2\n",
          "jitsi_jicofo_bridge_selector_operational_bridge_count 1\n", "jitsi_jicofo_graceful_shutdown 1\n",
          "jitsi_jicofo_xmpp_connected{stream=\"component\"} 1\n",
          "jitsi_jicofo_xmpp_connected{stream=\"focus_user\"} 0\n", "jitsi_jicofo_uptime_seconds 3600\n",
          "jitsi_jicofo_focus_loop_latency_seconds 0.001250\n",
          "jitsi_jicofo_version_info{version=\"1.0.0-abc\\\"x\"} 1\n"})
        EXPECT_NE(text.find(line), std::string::npos) << line << "\nin:\n" << text;
}

TEST(Prometheus, EachFamilyHasOneHelpAndEverySampleLineIsWellFormed) {
    std::string text = prometheusText(sample(), VersionInfo{});
    EXPECT_EQ(text.find("# TYPE jitsi_jicofo_xmpp_connected"),
              text.rfind("# TYPE jitsi_jicofo_xmpp_connected"));
    std::istringstream in(text);
    std::string line;
    int samples = 0;
    while (std::getline(in, line)) {
        if (line.rfind("# ", 0) == 0) continue;
        ++samples;
        EXPECT_EQ(line.rfind("jitsi_jicofo_", 0), 0u) << line;
        auto space = line.rfind(' ');
        ASSERT_NE(space, std::string::npos) << line;
        std::string value = line.substr(space + 1);
        EXPECT_NO_THROW((void)std::stod(value)) << line;
    }
    EXPECT_EQ(samples, 12);
    EXPECT_EQ(text.back(), '\n');
}

TEST(HealthJson, SaysWhatFailed) {
    HealthReport r;
    r.add("focus_loop", true, "answered in 0.1 ms");
    r.add("bridges", false, "no operational videobridge (0 known)");
    EXPECT_EQ(r.status, 500);
    auto o = parse(healthJson(r));
    EXPECT_FALSE(o->getValue<bool>("healthy"));
    EXPECT_EQ(o->getValue<int>("status"), 500);
    EXPECT_TRUE(o->getObject("checks")->getObject("focus_loop")->getValue<bool>("ok"));
    auto bridges = o->getObject("checks")->getObject("bridges");
    EXPECT_FALSE(bridges->getValue<bool>("ok"));
    EXPECT_EQ(bridges->getValue<std::string>("detail"), "no operational videobridge (0 known)");
}

TEST(HealthJson, HealthyWhenEveryCheckPasses) {
    HealthReport r;
    r.add("focus_loop", true, "");
    r.add("conference", true, "joined");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(healthJson(r).rfind("{\"healthy\":true,\"status\":200,\"checks\":{\"focus_loop\":", 0), 0u);
}

TEST(HealthJson, A503StaysA503WhenLaterChecksFail) {
    HealthReport r;
    r.status = 503;
    r.add("focus_loop", false, "no answer in 2000 ms");
    EXPECT_EQ(r.status, 503);
}

TEST(VersionJson, NamesVersionRevisionAndOs) {
    VersionInfo v{"jicofo", "1.0.0-g1234abc", "1234abc", "Linux"};
    EXPECT_EQ(
        versionJson(v),
        "{\"name\":\"jicofo\",\"version\":\"1.0.0-g1234abc\",\"revision\":\"1234abc\",\"os\":\"Linux\"}");
    v.revision.clear();
    EXPECT_EQ(versionJson(v).find("revision"), std::string::npos);
}

}  // namespace
}  // namespace jicofo::http
