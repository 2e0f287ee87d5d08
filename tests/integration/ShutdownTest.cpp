// Graceful shutdown end to end (docs/protocol.md §6.8): the IQ from SHUTDOWN_ALLOWED_JID, new rooms refused,
// existing rooms served, health 500 meanwhile, exit 0 when the last conference ends; the
// resources/graceful_shutdown script doing the same over a real client login.
#include "integration/OperationHarness.h"
#include "protocol/stanza/Stanza.h"

using namespace jicofo;
using namespace jicofo::test;

namespace {

const char* kAdmin = "shutdown-admin";
const char* kAdminPassword = "s3cret pass";

class ShutdownTest : public OperationTest {
  protected:
    static void SetUpTestSuite() {
        FocusTest::SetUpTestSuite();
        prosody().registerUser(kAdmin, prosody().authDomain(), kAdminPassword);
        prosody().registerUser("someone-else", prosody().authDomain(), "pw");
    }
    static std::string adminJid() { return std::string(kAdmin) + "@" + prosody().authDomain(); }
    FocusProcess& startAllowingAdmin(std::vector<std::string> extra = {}) {
        extra.push_back("-Dorg.jitsi.jicofo.SHUTDOWN_ALLOWED_JID=" + adminJid());
        // Short idle timeout: a room nobody joined ends quickly.
        extra.push_back("-Dorg.jitsi.focus.IDLE_TIMEOUT=3000");
        return startFocusWithHttp(std::move(extra));
    }
    static xml::Element requestShutdown(TestEndpoint& client) {
        auto iq = protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(prosody().focusComponent()),
                                        xml::Element("graceful-shutdown", protocol::ns::kColibri));
        return client.request(iq);
    }
    static std::string errorOf(const xml::Element& reply) {
        auto iq = protocol::Iq::parse(reply);
        return iq && iq->error ? iq->error->condition : "(no error: " + reply.toString() + ")";
    }
    // Runs resources/graceful_shutdown against the test Prosody; returns the process (output in its log).
    std::unique_ptr<Subprocess> runScript(const std::string& user, const std::string& password) {
        std::vector<std::string> argv = {
            "python3",  std::string(JICOFO_SOURCE_DIR) + "/resources/graceful_shutdown",
            "-s",       prosody().host(),
            "-P",       std::to_string(prosody().c2sPort()),
            "-j",       user + "@" + prosody().authDomain(),
            "-p",       password,
            "-f",       prosody().focusComponent(),
            "-i",       "0.3",
            "--cafile", prosody().certPath()};
        static int n = 0;
        return std::make_unique<Subprocess>(argv,
                                            prosody().dir() + "/graceful-" + std::to_string(++n) + ".log");
    }
};

}  // namespace

TEST_F(ShutdownTest, OnlyTheAllowedJidMayAskAndNothingChangesOtherwise) {
    startAllowingAdmin();
    auto other = TestClient::user(prosody(), "someone-else", "pw");
    EXPECT_EQ(errorOf(requestShutdown(*other)), "forbidden");
    MeetClient anon(prosody());
    EXPECT_EQ(errorOf(requestShutdown(anon.xmpp())), "forbidden");
    EXPECT_EQ(stat(anon, "graceful_shutdown"), "false");
    EXPECT_EQ(anon.requestConference(room("still-open")).attr("type"), "result");
    EXPECT_TRUE(focus().process().running());
}

TEST_F(ShutdownTest, UnsetAllowedJidForbidsEveryone) {
    startFocusWithHttp();
    auto admin = TestClient::user(prosody(), kAdmin, kAdminPassword);
    EXPECT_EQ(errorOf(requestShutdown(*admin)), "forbidden");
}

TEST_F(ShutdownTest, DrainsExistingRoomsRefusesNewOnesAndExitsWhenTheLastEnds) {
    startAllowingAdmin();
    MeetClient alice(prosody()), bob(prosody());
    std::string r = room("drain");
    ASSERT_EQ(alice.requestConference(r).attr("type"), "result");
    ASSERT_TRUE(alice.join(r, "alice"));

    auto admin = TestClient::user(prosody(), kAdmin, kAdminPassword);
    EXPECT_EQ(requestShutdown(*admin).attr("type"), "result");
    EXPECT_EQ(stat(alice, "graceful_shutdown"), "true");
    EXPECT_TRUE(stats()->getValue<bool>("graceful_shutdown"));
    EXPECT_NE(http("/metrics").body.find("\njitsi_jicofo_graceful_shutdown 1\n"), std::string::npos);

    // A new room: service-unavailable with <graceful-shutdown/>.
    auto refused = bob.requestConference(room("new-one"));
    EXPECT_EQ(errorOf(refused), "service-unavailable");
    EXPECT_NE(refused.toString().find("graceful-shutdown"), std::string::npos) << refused.toString();
    // The existing room: served as usual.
    auto again = bob.requestConference(r);
    ASSERT_EQ(again.attr("type"), "result") << again.toString();
    EXPECT_EQ(again.child("conference", protocol::ns::kFocus)->attr("ready"), "true");
    ASSERT_TRUE(bob.join(r, "bob"));
    // Health says so.
    auto health = http("/about/health");
    EXPECT_EQ(health.status, 500);
    EXPECT_FALSE(
        parseJson(health.body)->getObject("checks")->getObject("graceful_shutdown")->getValue<bool>("ok"));
    EXPECT_TRUE(focus().process().running());

    bob.leave();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_TRUE(focus().process().running()) << "alice is still there";
    alice.leave();
    auto code = focus().process().waitExit(10000);
    ASSERT_TRUE(code.has_value()) << "the focus did not exit after the last conference\n" << focus().log();
    EXPECT_EQ(*code, 0);
    EXPECT_NE(focus().log().find("graceful shutdown: no conference left, exiting"), std::string::npos);
}

TEST_F(ShutdownTest, WithNoConferenceTheFocusExitsAtOnce) {
    startAllowingAdmin();
    auto admin = TestClient::user(prosody(), kAdmin, kAdminPassword);
    EXPECT_EQ(requestShutdown(*admin).attr("type"), "result");
    auto code = focus().process().waitExit(5000);
    ASSERT_TRUE(code.has_value()) << focus().log();
    EXPECT_EQ(*code, 0);
}

TEST_F(ShutdownTest, ScriptWaitsForTheLastConferenceAndExits0) {
    startAllowingAdmin();
    MeetClient alice(prosody());
    std::string r = room("script");
    ASSERT_EQ(alice.requestConference(r).attr("type"), "result");
    ASSERT_TRUE(alice.join(r, "alice"));

    auto script = runScript(kAdmin, kAdminPassword);
    ASSERT_TRUE(script->waitForLog("1 conference(s) still running", 10000)) << script->log();
    EXPECT_TRUE(script->running());
    EXPECT_TRUE(waitStat(alice, "graceful_shutdown", "true"));
    alice.leave();
    auto scriptCode = script->waitExit(10000);
    ASSERT_TRUE(scriptCode.has_value()) << script->log();
    EXPECT_EQ(*scriptCode, 0) << script->log();
    auto focusCode = focus().process().waitExit(10000);
    ASSERT_TRUE(focusCode.has_value()) << focus().log();
    EXPECT_EQ(*focusCode, 0);
    EXPECT_NE(script->log().find("logged in as " + std::string(kAdmin)), std::string::npos) << script->log();
}

TEST_F(ShutdownTest, ScriptFailsWith1WhenForbiddenOrWrongPassword) {
    startAllowingAdmin();
    auto forbidden = runScript("someone-else", "pw");
    auto code = forbidden->waitExit(10000);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 1) << forbidden->log();
    EXPECT_NE(forbidden->log().find("forbidden"), std::string::npos) << forbidden->log();

    auto badPassword = runScript(kAdmin, "wrong");
    code = badPassword->waitExit(10000);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 1) << badPassword->log();
    EXPECT_NE(badPassword->log().find("authentication failed"), std::string::npos) << badPassword->log();
    EXPECT_TRUE(focus().process().running()) << "nothing was shut down";
}

TEST_F(ShutdownTest, ScriptTreatsAStoppedFocusAsDone) {
    startAllowingAdmin();
    focus().process().stop(SIGTERM, 5000);
    auto script = runScript(kAdmin, kAdminPassword);
    auto code = script->waitExit(10000);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 0) << script->log();
    // Prosody 0.12 answers for a component that is gone: remote-server-timeout (wait), "Component
    // unavailable".
    EXPECT_NE(script->log().find("it has stopped"), std::string::npos) << script->log();
}
