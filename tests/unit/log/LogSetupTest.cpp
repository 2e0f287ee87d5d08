#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "log/Log.h"
#include "log/LogSetup.h"
#include "unit/config/ConfigTestUtil.h"

using jicofo::config::test::TempDir;
namespace logging = jicofo::log;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Captures what the console sink writes (Boost's console stream is std::clog).
class ClogCapture {
  public:
    ClogCapture() : old_(std::clog.rdbuf(buf_.rdbuf())) {}
    ~ClogCapture() { std::clog.rdbuf(old_); }
    std::string text() const { return buf_.str(); }

  private:
    std::ostringstream buf_;
    std::streambuf* old_;
};

class LogSetupTest : public ::testing::Test {
  protected:
    void TearDown() override { logging::shutdown(); }

    // A settings file whose only sink is a text file in the temp folder.
    std::string fileOnlySettings(const std::string& core, const std::string& sinkExtra = "") {
        return dir_.write("logging.properties", "[Core]\n" + core +
                                                    "\n[Sinks.File]\nDestination=TextFile\nFileName=\"" +
                                                    logPath() + "\"\nAutoFlush=true\n" + sinkExtra);
    }
    std::string logPath() const { return dir_.path() + "/out.log"; }
    std::string logged() {
        logging::flush();
        return readFile(logPath());
    }

    TempDir dir_;
};

}  // namespace

TEST_F(LogSetupTest, LineFormatWithAndWithoutRoom) {
    ASSERT_EQ(logging::setup({fileOnlySettings("Filter=\"%Severity% >= INFO\""), {}, {}}), std::nullopt);
    JLOG_ROOM(info, "room1@conference.example.com") << "participant joined";
    JLOG(warning) << "plain line";
    std::string text = logged();
    std::regex roomLine(
        R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO \[0x[0-9a-f]+\] \[room=room1@conference\.example\.com\] participant joined\n)");
    std::regex plainLine(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} WARNING \[0x[0-9a-f]+\] plain line\n)");
    EXPECT_TRUE(std::regex_search(text, roomLine)) << text;
    EXPECT_TRUE(std::regex_search(text, plainLine)) << text;
}

TEST_F(LogSetupTest, DefaultIsConsoleAtInfo) {
    ClogCapture capture;
    ASSERT_EQ(logging::setup({}), std::nullopt);
    JLOG(debug) << "hidden-debug";
    JLOG(info) << "shown-info";
    logging::flush();
    EXPECT_EQ(capture.text().find("hidden-debug"), std::string::npos);
    EXPECT_TRUE(std::regex_search(capture.text(), std::regex(R"(\.\d{3} INFO \[0x[0-9a-f]+\] shown-info\n)")))
        << capture.text();
}

TEST_F(LogSetupTest, SettingsFileTurnsDebugOn) {
    ASSERT_EQ(logging::setup({fileOnlySettings("Filter=\"%Severity% >= DEBUG\""), {}, {}}), std::nullopt);
    JLOG(trace) << "t-line";
    JLOG(debug) << "d-line";
    std::string text = logged();
    EXPECT_NE(text.find("DEBUG"), std::string::npos);
    EXPECT_NE(text.find("d-line"), std::string::npos);
    EXPECT_EQ(text.find("t-line"), std::string::npos);
}

TEST_F(LogSetupTest, LevelPropertyOverridesTheSettingsFile) {
    std::string settings = fileOnlySettings("Filter=\"%Severity% >= DEBUG\"");
    ASSERT_EQ(logging::setup({settings, std::string("WARNING"), {}}), std::nullopt);
    JLOG(info) << "i-line";
    JLOG(warning) << "w-line";
    std::string text = logged();
    EXPECT_EQ(text.find("i-line"), std::string::npos);
    EXPECT_NE(text.find("w-line"), std::string::npos);
    // java.util.logging names work too: FINE is debug.
    ASSERT_EQ(logging::setup({settings, std::string("fine"), {}}), std::nullopt);
    JLOG(debug) << "fine-line";
    EXPECT_NE(logged().find("fine-line"), std::string::npos);
}

TEST_F(LogSetupTest, SinkFilterOnSeverity) {
    ASSERT_EQ(logging::setup({fileOnlySettings("", "Filter=\"%Severity% >= ERROR\"\n"), {}, {}}),
              std::nullopt);
    JLOG(warning) << "w-line";
    JLOG(error) << "e-line";
    std::string text = logged();
    EXPECT_EQ(text.find("w-line"), std::string::npos);
    EXPECT_NE(text.find("ERROR"), std::string::npos);
}

TEST_F(LogSetupTest, FilePropertyRotatesBySize) {
    ClogCapture quiet;
    std::string file = dir_.path() + "/logs/jicofo.log";
    std::filesystem::create_directories(dir_.path() + "/logs");
    logging::LogSettings s;
    s.file = file;
    s.fileRotationSize = 400;
    s.fileMaxFiles = 3;
    ASSERT_EQ(logging::setup(s), std::nullopt);
    for (int i = 0; i < 60; ++i) JLOG(info) << "line number " << i << " with some padding to fill the file";
    logging::shutdown();
    EXPECT_TRUE(std::filesystem::exists(file));
    int rotated = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir_.path() + "/logs"))
        if (e.path().filename().string().rfind("jicofo.log.", 0) == 0) ++rotated;
    EXPECT_GE(rotated, 1);
    EXPECT_LE(rotated, 3);  // older files removed
    EXPECT_LE(std::filesystem::file_size(file), 400u + 200u);
    EXPECT_NE(readFile(file).find("line number 59"), std::string::npos);
    EXPECT_NE(quiet.text().find("line number 59"), std::string::npos);  // the console stays on
}

TEST_F(LogSetupTest, SyslogOverUdpWithLocal0) {
    int sock = ::socket(AF_INET, SOCK_DGRAM, 0);
    ASSERT_GE(sock, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
    std::string settings =
        dir_.write("syslog.properties",
                   "[Core]\nFilter=\"%Severity% >= INFO\"\n[Sinks.Syslog]\nDestination=Syslog\n"
                   "TargetAddress=127.0.0.1\nTargetPort=" +
                       std::to_string(ntohs(addr.sin_port)) + "\n");
    ASSERT_EQ(logging::setup({settings, {}, {}}), std::nullopt);
    JLOG_ROOM(error, "r@conference.example.com") << "bridge failed";
    pollfd p{sock, POLLIN, 0};
    ASSERT_EQ(::poll(&p, 1, 3000), 1) << "no syslog datagram";
    char buf[2048];
    ssize_t n = ::recv(sock, buf, sizeof buf, 0);
    ::close(sock);
    std::string packet(buf, n > 0 ? static_cast<size_t>(n) : 0);
    EXPECT_EQ(packet.rfind("<131>", 0), 0u) << packet;  // local0 (16) * 8 + error (3)
    EXPECT_NE(packet.find("[room=r@conference.example.com] bridge failed"), std::string::npos) << packet;
}

TEST_F(LogSetupTest, BadSettingsGiveAClearError) {
    ClogCapture quiet;
    auto unknownDestination =
        logging::setup({dir_.write("a.properties", "[Sinks.X]\nDestination=Nowhere\n"), {}, {}});
    ASSERT_TRUE(unknownDestination);
    EXPECT_NE(unknownDestination->find(dir_.path() + "/a.properties"), std::string::npos)
        << *unknownDestination;
    EXPECT_NE(unknownDestination->find("Nowhere"), std::string::npos) << *unknownDestination;

    auto badLevel =
        logging::setup({dir_.write("b.properties", "[Core]\nFilter=\"%Severity% >= LOUD\"\n"), {}, {}});
    ASSERT_TRUE(badLevel);
    EXPECT_NE(badLevel->find("b.properties"), std::string::npos) << *badLevel;

    auto syntax = logging::setup({dir_.write("c.properties", "[Core\nFilter=x\n"), {}, {}});
    ASSERT_TRUE(syntax);
    EXPECT_NE(syntax->find("c.properties"), std::string::npos) << *syntax;

    auto missing = logging::setup({dir_.path() + "/none.properties", {}, {}});
    ASSERT_TRUE(missing);
    EXPECT_EQ(*missing,
              "cannot open logging settings " + dir_.path() + "/none.properties: No such file or directory");

    auto level = logging::setup({{}, std::string("LOUD"), {}});
    ASSERT_TRUE(level);
    EXPECT_EQ(*level, "org.jitsi.jicofo.log.LEVEL: \"LOUD\" is not a log level");

    // After a failure the console default is in place, so the caller can still report.
    JLOG(info) << "still-logging";
    logging::flush();
    EXPECT_NE(quiet.text().find("still-logging"), std::string::npos);
}

TEST_F(LogSetupTest, NoSinksMeansSilence) {
    ClogCapture capture;
    ASSERT_EQ(
        logging::setup({dir_.write("none.properties", "[Core]\nFilter=\"%Severity% >= INFO\"\n"), {}, {}}),
        std::nullopt);
    JLOG(error) << "nobody-hears";
    logging::flush();
    EXPECT_EQ(capture.text().find("nobody-hears"), std::string::npos);
}

TEST_F(LogSetupTest, ShippedLoggingPropertiesIsConsoleInfo) {
    ClogCapture capture;
    ASSERT_EQ(logging::setup({std::string(JICOFO_SOURCE_DIR) + "/resources/logging.properties", {}, {}}),
              std::nullopt);
    JLOG(debug) << "hidden-debug";
    JLOG_ROOM(info, "x@y") << "shown-info";
    logging::flush();
    EXPECT_EQ(capture.text().find("hidden-debug"), std::string::npos);
    EXPECT_NE(capture.text().find("INFO"), std::string::npos);
    EXPECT_NE(capture.text().find("[room=x@y] shown-info"), std::string::npos) << capture.text();
}

TEST(LogSeverity, StreamsByName) {
    std::ostringstream out;
    out << logging::Severity::warning;
    EXPECT_EQ(out.str(), "WARNING");
    std::istringstream in("severe");
    logging::Severity s = logging::Severity::trace;
    in >> s;
    EXPECT_TRUE(in);
    EXPECT_EQ(s, logging::Severity::error);
    std::istringstream bad("loud");
    bad >> s;
    EXPECT_FALSE(bad);
}
