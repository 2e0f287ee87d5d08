// --daemon and --pidfile on Linux through the real binary (POCO's ServerApplication), and log files rotated
// by Boost.Log from the logging settings (issue 6 part 5).
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "integration/OperationHarness.h"

using namespace jicofo;
using namespace jicofo::test;
namespace fs = std::filesystem;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

// /proc/PID/stat fields after the command name: state, ppid, pgrp, session.
struct ProcStat {
    char state = '?';
    pid_t ppid = 0, pgrp = 0, session = 0;
};
std::optional<ProcStat> procStat(pid_t pid) {
    std::string text = readFile("/proc/" + std::to_string(pid) + "/stat");
    auto close = text.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    ProcStat s;
    std::istringstream in(text.substr(close + 2));
    in >> s.state >> s.ppid >> s.pgrp >> s.session;
    return s;
}

class DaemonTest : public FocusTest {
  protected:
    // The daemon leaves its launcher; as a subreaper this test becomes its parent, so it can reap it and read
    // its exit status (and nothing leaks if a check fails).
    void SetUp() override {
        prctl(PR_SET_CHILD_SUBREAPER, 1);
        dir_ = prosody().dir() + "/" + ::testing::UnitTest::GetInstance()->current_test_info()->name();
        fs::create_directories(dir_);
    }
    void TearDown() override {
        if (daemon_ > 0 && ::kill(daemon_, 0) == 0) {
            ::kill(daemon_, SIGKILL);
            waitpid(daemon_, nullptr, 0);
        }
        prctl(PR_SET_CHILD_SUBREAPER, 0);
    }
    std::optional<int> reap(pid_t pid, int timeoutMs) {
        auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (std::chrono::steady_clock::now() < end) {
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid)
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return std::nullopt;
    }
    std::string dir_;
    pid_t daemon_ = -1;
};

}  // namespace

TEST_F(DaemonTest, DetachesWritesThePidFileLogsToTheFileAndStopsOnSigterm) {
    std::string pidFile = dir_ + "/jicofo.pid", logFile = dir_ + "/jicofo.log";
    auto args = FocusProcess::commandLine(prosody(), true);
    args.insert(args.end(), {"--daemon", "--pidfile=" + pidFile, "-Dorg.jitsi.jicofo.log.FILE=" + logFile});
    Subprocess launcher(args, dir_ + "/console.out");

    // The command returns at once, successfully, leaving the daemon behind.
    auto launched = launcher.waitExit(5000);
    ASSERT_TRUE(launched.has_value()) << launcher.log();
    EXPECT_EQ(*launched, 0);
    ASSERT_TRUE(waitFor([&] { return !readFile(pidFile).empty(); }, 5000)) << "no pid file";
    daemon_ = static_cast<pid_t>(std::stol(readFile(pidFile)));
    ASSERT_GT(daemon_, 0);
    EXPECT_NE(daemon_, launcher.pid());
    ASSERT_EQ(::kill(daemon_, 0), 0) << "the pid file names no running process";

    // Detached: its own session, no terminal, working directory /.
    auto st = procStat(daemon_);
    ASSERT_TRUE(st.has_value());
    EXPECT_EQ(st->session, daemon_) << "not a session leader (no setsid)";
    EXPECT_NE(st->ppid, launcher.pid());
    EXPECT_EQ(fs::read_symlink("/proc/" + std::to_string(daemon_) + "/cwd"), fs::path("/"));

    // It works, and says so in the configured file (its console is /dev/null now).
    ASSERT_TRUE(waitFor(
        [&] {
            auto log = readFile(logFile);
            return log.find("focus user logged in") != std::string::npos &&
                   log.find("is connected") != std::string::npos;
        },
        10000))
        << readFile(logFile) << launcher.log();
    MeetClient alice(prosody());
    EXPECT_EQ(alice.requestConference(room("daemon")).attr("type"), "result");
    auto port = httpPortOf(readFile(logFile));
    ASSERT_NE(port, 0) << readFile(logFile);
    EXPECT_EQ(httpRequest(port, "GET", "/about/alive").status, 200);
    EXPECT_EQ(parseJson(httpRequest(port, "GET", "/stats").body)->getValue<int>("conferences"), 1);

    // SIGTERM: a clean stop within seconds, exit 0, the pid file removed.
    ASSERT_EQ(::kill(daemon_, SIGTERM), 0);
    auto code = reap(daemon_, 8000);
    ASSERT_TRUE(code.has_value()) << "the daemon did not stop\n" << readFile(logFile);
    EXPECT_EQ(*code, 0);
    daemon_ = -1;
    EXPECT_NE(readFile(logFile).find("stopped"), std::string::npos);
    EXPECT_FALSE(fs::exists(pidFile)) << "the pid file outlived the daemon";
}

TEST_F(DaemonTest, UnwritablePidFileStopsTheStartWithAnError) {
    auto args = FocusProcess::commandLine(prosody(), true);
    args.push_back("--pidfile=" + dir_ + "/no/such/dir/jicofo.pid");
    Subprocess focus(args, dir_ + "/console.out");
    auto code = focus.waitExit(5000);
    ASSERT_TRUE(code.has_value()) << focus.log();
    EXPECT_NE(*code, 0);
    EXPECT_NE(focus.log().find("jicofo.pid"), std::string::npos) << focus.log();
}

TEST_F(DaemonTest, LogFileRotatesBySizeAndKeepsMaxFiles) {
    // An operator's logging.properties with a file sink rotated every 2 KB, three old files kept.
    std::string settings = dir_ + "/logging.properties";
    std::ofstream(settings)
        << "[Core]\nFilter=\"%Severity% >= INFO\"\n\n[Sinks.File]\nDestination=TextFile\n"
        << "FileName=\"" << dir_ << "/focus.log\"\nTarget=\"" << dir_ << "\"\n"
        << "TargetFileName=\"focus.log.%N\"\nRotationSize=2048\nMaxFiles=3\n"
        << "ScanForFiles=Matching\nAppend=true\nAutoFlush=true\nEnableFinalRotation=false\n\n"
        << "[Sinks.Console]\nDestination=Console\nAutoFlush=true\n";  // for waitReady()
    auto& f = startFocus({"-Djava.util.logging.config.file=" + settings});
    MeetClient alice(prosody());
    for (int i = 0; i < 25; ++i)
        ASSERT_EQ(alice.requestConference(room("rotate" + std::to_string(i))).attr("type"), "result");
    f.process().stop(SIGTERM, 5000);

    std::string listing;
    for (const auto& e : fs::directory_iterator(dir_))
        listing += e.path().filename().string() + " " +
                   std::to_string(e.is_regular_file() ? e.file_size() : 0) + "\n";
    SCOPED_TRACE(listing);
    std::vector<std::string> rotated;
    std::uintmax_t total = 0;
    for (const auto& e : fs::directory_iterator(dir_)) {
        std::string name = e.path().filename().string();
        if (name.rfind("focus.log.", 0) == 0) {
            rotated.push_back(name);
            EXPECT_LE(e.file_size(), 2048u + 1024u) << name << " grew past the rotation size";
        }
        if (name.rfind("focus.log", 0) == 0) total += e.file_size();
    }
    EXPECT_GE(rotated.size(), 1u) << "nothing rotated";
    EXPECT_LE(rotated.size(), 3u) << "MaxFiles not honoured";
    // More files were written than kept: the oldest were removed (names count up: focus.log.0, .1, ...).
    int highest = -1;
    for (const auto& name : rotated) highest = std::max(highest, std::stoi(name.substr(10)));
    EXPECT_GE(highest, 3) << "too little logged to prove the pruning";
    EXPECT_TRUE(fs::exists(dir_ + "/focus.log"));
    EXPECT_NE(readFile(dir_ + "/focus.log").find("stopped"), std::string::npos) << "the live file is current";
    EXPECT_LE(total, 5u * 3072u);
}
