// Secrets never reach the focus's output (issue 9 §4): a full secure-domain run with every log line on (ALL),
// then the focus's complete log and every HTTP body it served are searched for the component secret, the
// focus user's password, the auth session id and the other secrets it was given. Positive controls prove
// the search reads the real log: the room, the session's short form and DEBUG lines must be found in it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "integration/OperationHarness.h"
#include "protocol/focus/LogoutIq.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"
#include "xmpp/Base64.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::ConferenceIq;
using protocol::jingle::JingleAction;

namespace {

const std::string kFocusPassword = "Focus-Pw-5d8a1c7e";
const std::string kAlicePassword = "Alice-Pw-0b4f92aa";
const std::string kRecordingToken = "Rec-Token-3e61f0d9";
const std::string kInfluxPassword = "Influx-Pw-a7c2e415";
const std::string kForgedSession = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";  // a guess a client might send
const std::string kMachine = "5ec2e75";

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every place `needle` occurs, as the lines that hold it (for the failure message).
std::string linesWith(const std::string& text, const std::string& needle) {
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line))
        if (line.find(needle) != std::string::npos) out += "  " + line + "\n";
    return out;
}

class SecretsTest : public OperationTest {
  protected:
    static void SetUpTestSuite() {
        ProsodyFixture::Options o;
        o.secureDomain = true;
        o.focusPassword = kFocusPassword;
        o.logLevel =
            "debug";  // Prosody logs every stanza: its log holds the session id, the focus's must not
        prosody_ = new ProsodyFixture(o);
        prosody_->registerUser("alice", prosody_->domain(), kAlicePassword);
    }
    void TearDown() override {
        focus_.reset();
        bridge_.reset();
    }

    static xml::Element ask(MeetClient& c, const std::string& room, std::optional<std::string> session) {
        ConferenceIq conf;
        conf.room = room;
        conf.sessionId = std::move(session);
        conf.machineUid = kMachine;
        conf.addProperty("openSctp", "true");
        return c.xmpp().request(
            protocol::Iq::request(protocol::IqType::Set, *util::Jid::parse(prosody().focusComponent()),
                                  conf.toElement()),
            util::Duration(10000));
    }
    static std::optional<ConferenceIq> resultOf(const xml::Element& reply) {
        const auto* c = reply.child("conference", protocol::ns::kFocus);
        if (reply.attr("type") != "result" || !c) return std::nullopt;
        auto parsed = ConferenceIq::parse(*c);
        return parsed ? std::optional(parsed.value()) : std::nullopt;
    }

    // The secrets the focus was given or handed out, by name.
    std::vector<std::pair<std::string, std::string>> secrets(const std::string& session) const {
        const std::string user = prosody().focusUser();
        return {
            {"component secret", prosody().focusSecret()},
            {"focus user password", kFocusPassword},
            {"focus user password, base64", xmpp::base64Encode(kFocusPassword)},
            {"SASL PLAIN message, base64",
             xmpp::base64Encode(std::string(1, '\0') + user + '\0' + kFocusPassword)},
            {"auth session id", session},
            {"forged session id", kForgedSession},
            {"recording token", kRecordingToken},
            {"InfluxDB password", kInfluxPassword},
            // Secrets the focus never holds: seeing them would mean another program's output got mixed in.
            {"bridge component secret", prosody().bridgeSecret()},
            {"alice's password", kAlicePassword},
        };
    }

    std::unique_ptr<BridgeSimProcess> bridge_;
};

}  // namespace

TEST_F(SecretsTest, AFullSecureDomainRunLogsNoSecretAtAnyLevel) {
    BridgeSimProcess::Options bo;
    bo.logLevel = "debug";
    bridge_ = std::make_unique<BridgeSimProcess>(prosody(), bo);
    ASSERT_TRUE(bridge_->waitReady()) << bridge_->log();
    startFocusWithHttp({"-Dorg.jitsi.jicofo.auth.URL=XMPP:" + prosody().domain(),
                        "-Dorg.jitsi.jicofo.log.LEVEL=ALL",
                        "-Dorg.jitsi.videobridge.MEDIA_RECORDING_TOKEN=" + kRecordingToken,
                        "-Dorg.jitsi.videobridge.log.INFLUX_PASS=" + kInfluxPassword,
                        // An operator's slip: the secret given as a separate argument. The focus warns about
                        // the argument without repeating it (the real --secret=... comes earlier).
                        "--secret", "-" + prosody().focusSecret()});
    ASSERT_TRUE(waitOperationalBridge()) << focus().log();

    // alice logs in on the domain and gets a session; as a guest she creates the room with it.
    const std::string r = room("secretive");
    MeetClient alice(prosody(), TestClient::user(prosody(), "alice", kAlicePassword, prosody().domain()));
    auto login = resultOf(ask(alice, room("login"), std::nullopt));
    ASSERT_TRUE(login && login->sessionId) << focus().log();
    const std::string session = *login->sessionId;
    ASSERT_EQ(session.size(), 36u);
    MediaClient owner(prosody()), guest(prosody()), forger(prosody());
    ASSERT_TRUE(resultOf(ask(owner, r, session))) << focus().log();
    ASSERT_TRUE(owner.join(r, "alice"));
    ASSERT_TRUE(resultOf(ask(guest, r, std::nullopt)));
    ASSERT_TRUE(guest.join(r, "bob"));
    // A guessed session id is refused (and must not be logged either).
    EXPECT_EQ(ask(forger, room("forged"), kForgedSession).attr("type"), "error");
    auto ownerOffer = owner.waitJingle(JingleAction::SessionInitiate);
    auto guestOffer = guest.waitJingle(JingleAction::SessionInitiate);
    ASSERT_TRUE(ownerOffer && guestOffer) << focus().log();
    EXPECT_EQ(owner.accept(*ownerOffer, 1111, 2222).attr("type"), "result");
    EXPECT_EQ(guest.accept(*guestOffer, 3333, 4444).attr("type"), "result");
    EXPECT_TRUE(guest.waitJingle(JingleAction::SourceAdd)) << focus().log();

    // Everything an operator reads over HTTP.
    std::map<std::string, std::string> bodies;
    for (const char* path : {"/stats", "/metrics", "/about/health", "/about/alive", "/about/version"}) {
        auto reply = http(path);
        EXPECT_EQ(reply.status, 200) << path << ": " << reply.body;
        bodies[path] = reply.body;
    }
    // alice logs out (the session is destroyed and logged as such), then a graceful stop.
    protocol::LogoutIq logout;
    logout.sessionId = session;
    EXPECT_EQ(
        owner.xmpp()
            .request(protocol::Iq::request(protocol::IqType::Set,
                                           *util::Jid::parse(prosody().focusComponent()), logout.toElement()))
            .attr("type"),
        "result");
    guest.leave();
    owner.leave();
    EXPECT_EQ(focus().process().stop(SIGTERM, 5000), 0) << focus().log();

    // The focus's complete output, straight from its own file (not the bridge's, not Prosody's).
    const std::string log = readFile(focus().process().logFile());
    ASSERT_NE(focus().process().logFile(), bridge_->process().logFile());
    ASSERT_NE(focus().process().logFile(), prosody().logPath());
    // Controls: the search reads a real, complete, DEBUG-level log of this very run.
    std::string roomName = r.substr(0, r.find('@'));
    std::transform(roomName.begin(), roomName.end(), roomName.begin(), ::tolower);  // JIDs are case-folded
    EXPECT_NE(log.find(roomName), std::string::npos) << "the room is not in the log: nothing was captured";
    EXPECT_NE(log.find("auth session " + session.substr(0, 8)), std::string::npos)
        << "the session's short form should be logged: the search would then see the whole id\n"
        << log;
    EXPECT_NE(log.find(" DEBUG "), std::string::npos) << "no DEBUG line: the run did not log at every level";
    EXPECT_NE(log.find("Ignoring argument"), std::string::npos) << "the stray argument was not warned about";
    EXPECT_NE(log.find("logged out auth session"), std::string::npos);
    EXPECT_NE(log.find("stopped"), std::string::npos) << "the log ends before the graceful stop";
    EXPECT_NE(linesWith(bodies["/metrics"], "jitsi_jicofo_conferences"), "");
    // Only the focus wrote this file: every line is one of its log records, none the bridge simulator's.
    std::istringstream lines(log);
    std::string line;
    const std::regex record(
        R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (TRACE|DEBUG|INFO|WARNING|ERROR|FATAL) .*)");
    while (std::getline(lines, line)) {
        EXPECT_TRUE(line.empty() || std::regex_match(line, record)) << "not a focus log record: " << line;
        EXPECT_EQ(line.find("bridgesim"), std::string::npos) << line;
    }
    for (const auto& [what, secret] : secrets(session)) {
        ASSERT_GE(secret.size(), 8u) << what;
        EXPECT_EQ(log.find(secret), std::string::npos) << what << " in the focus's log:\n"
                                                       << linesWith(log, secret);
        for (const auto& [path, body] : bodies)
            EXPECT_EQ(body.find(secret), std::string::npos) << what << " in " << path << ": " << body;
    }
}

TEST_F(SecretsTest, RefusedLoginsDoNotEchoTheWrongCredentials) {
    // A wrong component secret and a wrong focus password: both logins fail and are logged as failures,
    // naming what to check, never the values tried.
    const std::string wrongSecret = "Wrong-Secret-8f03b6d1", wrongPassword = "Wrong-Pw-c94e27a0";
    focus_ = std::make_unique<FocusProcess>(
        prosody(), std::vector<std::string>{"--secret=" + wrongSecret, "--user_password=" + wrongPassword,
                                            "-Dorg.jitsi.jicofo.log.LEVEL=ALL"});
    auto& p = focus().process();
    auto end = std::chrono::steady_clock::now() + 10s;
    auto failures = [&] {
        std::string log = p.log();
        return log.find("component handshake refused") != std::string::npos &&
               log.find("authentication of " + prosody().focusUser() + "@") != std::string::npos;
    };
    while (!failures() && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(20ms);
    ASSERT_TRUE(failures()) << p.log();
    EXPECT_EQ(p.stop(SIGTERM, 5000), 0) << p.log();
    const std::string log = readFile(p.logFile());
    EXPECT_NE(log.find("check --secret"), std::string::npos) << log;
    for (const auto& secret : {wrongSecret, wrongPassword, xmpp::base64Encode(wrongPassword),
                               prosody().focusSecret(), kFocusPassword})
        EXPECT_EQ(log.find(secret), std::string::npos) << secret << ":\n" << linesWith(log, secret);
}
