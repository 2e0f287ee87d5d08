// Health, version, stats and metrics over HTTP from the running focus binary, against a real Prosody and the
// bridge simulator (docs/protocol.md §6.6, §6.9; issue 6 part 3).
#include "integration/OperationHarness.h"
#include "support/BridgeSimProcess.h"

using namespace jicofo;
using namespace jicofo::test;

namespace {

class HealthTest : public OperationTest {
  protected:
    void startBridge() {
        bridge_ = std::make_unique<BridgeSimProcess>(prosody());
        ASSERT_TRUE(bridge_->waitReady()) << bridge_->log();
    }
    void TearDown() override {
        focus_.reset();
        bridge_.reset();
    }
    static Poco::JSON::Object::Ptr check(const HttpReply& r, const std::string& name) {
        return parseJson(r.body)->getObject("checks")->getObject(name);
    }
    std::unique_ptr<BridgeSimProcess> bridge_;
};

}  // namespace

TEST_F(HealthTest, HealthyFocusJoinsAFreshRoomThroughProsody) {
    startBridge();
    startFocusWithHttp();
    ASSERT_TRUE(waitOperationalBridge()) << focus().log();

    auto r = http("/about/health");
    EXPECT_EQ(r.status, 200) << r.body << focus().log();
    EXPECT_EQ(r.contentType, "application/json;charset=UTF-8");
    EXPECT_EQ(r.headers["Access-Control-Allow-Origin"], "*");
    auto body = parseJson(r.body);
    EXPECT_TRUE(body->getValue<bool>("healthy"));
    for (const char* name : {"focus_loop", "component_stream", "focus_user_stream", "graceful_shutdown",
                             "bridges", "conference"})
        EXPECT_TRUE(check(r, name)->getValue<bool>("ok")) << name << ": " << r.body;
    // The 2015 room name, on the MUC service found by disco of the domain, and the focus really is in it.
    std::string detail = check(r, "conference")->getValue<std::string>("detail");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        detail, m,
        std::regex("(org\\.jitsi\\.jicofo\\.rest\\.health-[0-9a-f]+@" +
                   std::regex_replace(prosody().mucDomain(), std::regex("\\."), "\\.") + ")")))
        << detail;
    MeetClient observer(prosody());
    auto self = observer.join(m[1], "observer");
    ASSERT_TRUE(self.has_value());
    EXPECT_TRUE(observer
                    .waitPresence(std::string(m[1]) + "/" + prosody().focusUser(),
                                  [](const protocol::MucPresence&) { return true; })
                    .has_value())
        << "the focus is not in the health-check room";
    // The room counts as a conference (2015: left to the idle timeout).
    EXPECT_GE(stats()->getValue<int>("conferences"), 1);
}

TEST_F(HealthTest, ConcurrentChecksShareOneRoom) {
    startBridge();
    startFocusWithHttp();
    ASSERT_TRUE(waitOperationalBridge());
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] { ok += http("/about/health").status == 200 ? 1 : 0; });
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok, 4);
    // At most two rooms (a check may start right after another finished), never one per request.
    EXPECT_LE(stats()->getValue<int>("total_conferences_created"), 2);
}

TEST_F(HealthTest, WithoutABridgeTheCheckFailsAndSaysSo) {
    startFocusWithHttp();
    auto r = http("/about/health");
    EXPECT_EQ(r.status, 500) << r.body;
    auto bridges = check(r, "bridges");
    EXPECT_FALSE(bridges->getValue<bool>("ok"));
    EXPECT_NE(bridges->getValue<std::string>("detail").find("no operational videobridge"), std::string::npos);
    // The rest still works: the focus joined its room.
    EXPECT_TRUE(check(r, "conference")->getValue<bool>("ok")) << r.body;
    EXPECT_TRUE(check(r, "focus_user_stream")->getValue<bool>("ok"));
    // Liveness does not care about bridges or XMPP.
    EXPECT_EQ(http("/about/health?liveness").status, 200);
    EXPECT_EQ(http("/about/alive").status, 200);
}

TEST_F(HealthTest, ServerDownIsUnhealthyButAlive) {
    startBridge();
    startFocusWithHttp();
    ASSERT_TRUE(waitOperationalBridge());
    prosody().stop();
    // Wait until the focus noticed both streams are gone.
    bool down = false;
    for (int i = 0; i < 100 && !down; ++i) {
        auto s = stats()->getObject("xmpp");
        down = !s->getValue<bool>("component_connected") && !s->getValue<bool>("focus_user_connected");
        if (!down) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(down) << focus().log();
    auto start = std::chrono::steady_clock::now();
    auto r = http("/about/health");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3)) << "no round trip is tried";
    EXPECT_EQ(r.status, 500) << r.body;
    EXPECT_FALSE(check(r, "component_stream")->getValue<bool>("ok"));
    EXPECT_FALSE(check(r, "focus_user_stream")->getValue<bool>("ok"));
    EXPECT_FALSE(check(r, "conference")->getValue<bool>("ok"));
    auto alive = http("/about/alive");
    EXPECT_EQ(alive.status, 200) << alive.body;
    prosody().start();
    EXPECT_TRUE(focus().process().waitForLog("focus user logged in", 15000));
}

TEST_F(HealthTest, OtherMethodsAre405AndUnknownPaths404) {
    startFocusWithHttp();
    for (const char* method : {"POST", "PUT", "DELETE"}) {
        auto r = http("/about/health", method);
        EXPECT_EQ(r.status, 405) << method;
    }
    EXPECT_EQ(stats()->getValue<int>("total_conferences_created"), 0) << "a refused method made a room";
    EXPECT_EQ(http("/nothing-here").status, 404);
}

TEST_F(HealthTest, VersionIsTheRealOne) {
    startFocusWithHttp();
    auto r = http("/about/version");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers["Access-Control-Allow-Origin"], "*");
    auto v = parseJson(r.body);
    EXPECT_EQ(v->getValue<std::string>("name"), "jicofo");
    EXPECT_EQ(v->getValue<std::string>("version").rfind("1.0.0", 0), 0u) << r.body;
    EXPECT_EQ(v->getValue<std::string>("os"), "Linux");
    // Built from this git checkout: the revision is known.
    EXPECT_FALSE(v->getValue<std::string>("revision").empty()) << r.body;
}

TEST_F(HealthTest, StatsAndMetricsCountRoomsAndParticipants) {
    startBridge();
    startFocusWithHttp();
    ASSERT_TRUE(waitOperationalBridge());
    std::string r1 = room("stats");
    MeetClient alice(prosody()), bob(prosody()), carol(prosody());
    for (auto* c : {&alice, &bob}) {
        ASSERT_EQ(c->requestConference(r1).attr("type"), "result");
        ASSERT_TRUE(c->join(r1, c == &alice ? "alice" : "bob"));
    }
    std::string r2 = room("other");
    ASSERT_EQ(carol.requestConference(r2).attr("type"), "result");
    ASSERT_TRUE(carol.join(r2, "carol"));
    // Presences reach the focus asynchronously: wait for the counts.
    Poco::JSON::Object::Ptr s;
    for (int i = 0; i < 100; ++i) {
        s = stats();
        if (s->getValue<int>("participants") == 3) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(s->getValue<int>("conferences"), 2);
    EXPECT_EQ(s->getValue<int>("participants"), 3);
    EXPECT_EQ(s->getValue<int>("largest_conference"), 2);
    EXPECT_EQ(s->getArray("conference_sizes")->getElement<int>(1), 1);
    EXPECT_EQ(s->getArray("conference_sizes")->getElement<int>(2), 1);
    EXPECT_EQ(s->getValue<int>("total_conferences_created"), 2);
    EXPECT_EQ(s->getValue<int>("bridges"), 1);
    EXPECT_FALSE(s->getValue<bool>("graceful_shutdown"));
    EXPECT_TRUE(s->getObject("xmpp")->getValue<bool>("component_connected"));

    auto m = http("/metrics");
    EXPECT_EQ(m.status, 200);
    EXPECT_EQ(m.contentType, "text/plain; version=0.0.4; charset=utf-8");
    for (const char* line :
         {"\njitsi_jicofo_conferences 2\n", "\njitsi_jicofo_participants 3\n",
          "\njitsi_jicofo_largest_conference 2\n", "\njitsi_jicofo_bridge_selector_bridge_count 1\n",
          "\njitsi_jicofo_bridge_selector_operational_bridge_count 1\n",
          "\njitsi_jicofo_graceful_shutdown 0\n"})
        EXPECT_NE(m.body.find(line), std::string::npos) << line << m.body;

    // The stats IQ agrees.
    EXPECT_EQ(stat(alice, "conferences"), "2");
    bob.leave();
    for (int i = 0; i < 100 && stats()->getValue<int>("participants") != 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(stats()->getValue<int>("largest_conference"), 1);
}

TEST_F(HealthTest, HttpPortInUseDoesNotStopTheFocus) {
    // Take a port, then ask the focus to serve on it: it logs the error and runs on.
    Poco::Net::ServerSocket taken(Poco::Net::SocketAddress("127.0.0.1", 0));
    auto& f = startFocus({"-Dorg.jitsi.jicofo.auth.jetty.port=" + std::to_string(taken.address().port())});
    EXPECT_TRUE(f.process().waitForLog("cannot serve HTTP on", 5000)) << f.log();
    EXPECT_TRUE(f.process().running());
    MeetClient alice(prosody());
    EXPECT_EQ(alice.requestConference(room("still")).attr("type"), "result");
}
