// The operator page (GET /): what a person running the focus reads off it.
#include <gtest/gtest.h>

#include <regex>

#include "http/OperatorPage.h"

namespace jicofo::http {
namespace {

FocusStats twoRooms() {
    FocusStats s;
    s.conferences = 2;
    s.participants = 5;
    s.conferencesCreated = 9;
    s.bridges = 2;
    s.operationalBridges = 1;
    s.componentConnected = true;
    s.clientConnected = true;
    s.componentJid = "focus.example.com";
    s.focusUserJid = "focus@auth.example.com/focus123";
    s.uptimeSeconds = 3725;
    s.conferenceList = {{"old@conference.example.com", 3, 4000, {"jitsi-videobridge.example.com"}},
                        {"new@conference.example.com", 2, 12, {}}};
    BridgeInfo up;
    up.jid = "jitsi-videobridge.example.com";
    up.healthy = up.operational = true;
    up.conferences = 1;
    up.reportedConferences = 4;
    up.videoStreams = 17;
    BridgeInfo down;
    down.jid = "jvb2.example.com";
    s.bridgeList = {up, down};
    s.recentWarnings = {"2015-11-05 16:52:26.123 WARNING [1] first",
                        "2015-11-05 16:52:27.000 ERROR [1] second"};
    return s;
}

VersionInfo version() {
    return {"jicofo", "1.2.3-gabc", "abc", "Linux"};
}

// The text of the table row whose first cell is first (tags removed, cells separated by '|').
std::string row(const std::string& html, const std::string& first) {
    for (auto at = html.find(">" + first + "</td>"); at != std::string::npos;
         at = html.find(">" + first + "</td>", at + 1)) {
        auto start = html.rfind("<tr>", at), end = html.find("</tr>", at);
        std::string before = html.substr(start, at - start);
        if (before.find("<td") != before.rfind("<td")) continue;  // not the row's first cell
        std::string text =
            std::regex_replace(html.substr(start, end - start), std::regex("</td><td[^>]*>"), "|");
        return std::regex_replace(text, std::regex("<[^>]*>"), "");
    }
    return {};
}

TEST(OperatorPage, ListsEachConferenceWithParticipantsAgeAndBridge) {
    std::string html = operatorPage(twoRooms(), version());
    EXPECT_EQ(row(html, "old@conference.example.com"),
              "old@conference.example.com|3|1 h 06 min|jitsi-videobridge.example.com");
    EXPECT_EQ(row(html, "new@conference.example.com"), "new@conference.example.com|2|12 s|none yet");
    EXPECT_NE(html.find("Conferences: 2 (5 participants, 9 created since start)"), std::string::npos);
}

TEST(OperatorPage, ListsBridgesWithHealthLoadAndOurConferences) {
    std::string html = operatorPage(twoRooms(), version());
    EXPECT_EQ(row(html, "jitsi-videobridge.example.com"),
              "jitsi-videobridge.example.com|healthy|yes|1|4 conferences, 17 video streams");
    EXPECT_EQ(row(html, "jvb2.example.com"), "jvb2.example.com|unhealthy|no (failed recently)|0|no report");
    EXPECT_NE(html.find("Videobridges: 2 (1 operational)"), std::string::npos);
}

TEST(OperatorPage, ShowsStreamsUptimeVersionAndNewestWarningFirst) {
    std::string html = operatorPage(twoRooms(), version());
    EXPECT_EQ(row(html, "component"), "component|focus.example.com|connected");
    EXPECT_EQ(row(html, "focus user"), "focus user|focus@auth.example.com/focus123|logged in");
    EXPECT_NE(html.find("<h1>jicofo 1.2.3-gabc</h1>"), std::string::npos);
    EXPECT_NE(html.find("up 1 h 02 min"), std::string::npos);
    auto first = html.find("WARNING [1] first"), second = html.find("ERROR [1] second");
    ASSERT_NE(first, std::string::npos);
    ASSERT_NE(second, std::string::npos);
    EXPECT_LT(second, first);
}

TEST(OperatorPage, RefreshesItselfAndLinksTheJsonForms) {
    std::string html = operatorPage(FocusStats{}, version(), 7);
    EXPECT_NE(html.find("<meta http-equiv='refresh' content='7'>"), std::string::npos);
    EXPECT_NE(html.find("<a href='/stats'>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(OperatorPage, SaysSoWhenThereIsNothingOrSomethingIsDown) {
    FocusStats s;
    std::string html = operatorPage(s, version());
    EXPECT_NE(html.find("No conference."), std::string::npos);
    EXPECT_NE(html.find("No videobridge found"), std::string::npos);
    EXPECT_NE(html.find("None since start."), std::string::npos);
    EXPECT_EQ(row(html, "component"), "component||down");
    s.gracefulShutdown = true;
    EXPECT_NE(operatorPage(s, version()).find("graceful shutdown"), std::string::npos);
}

TEST(OperatorPage, EscapesWhatComesFromOutside) {
    FocusStats s;
    s.conferenceList = {{"<script>x</script>@conference.example.com", 1, 0, {}}};
    s.recentWarnings = {"WARNING bad <b>\"room\"</b> & 'more'"};
    std::string html = operatorPage(s, version());
    EXPECT_EQ(html.find("<script>x"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;x&lt;/script&gt;@conference.example.com"), std::string::npos);
    EXPECT_NE(html.find("bad &lt;b&gt;&quot;room&quot;&lt;/b&gt; &amp; &#39;more&#39;"), std::string::npos);
}

TEST(OperatorPage, UnavailablePageSaysTheLoopDidNotAnswer) {
    std::string html = operatorPageUnavailable(version());
    EXPECT_NE(html.find("did not answer"), std::string::npos);
    EXPECT_NE(html.find("http-equiv='refresh'"), std::string::npos);
}

TEST(OperatorPage, HumanDurations) {
    EXPECT_EQ(humanDuration(-3), "0 s");
    EXPECT_EQ(humanDuration(59), "59 s");
    EXPECT_EQ(humanDuration(187), "3 min 07 s");
    EXPECT_EQ(humanDuration(7500), "2 h 05 min");
    EXPECT_EQ(humanDuration(3 * 86400 + 4 * 3600 + 59), "3 d 04 h");
}

}  // namespace
}  // namespace jicofo::http
