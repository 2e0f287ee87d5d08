// The settings file, filter and format syntax read by log/ itself (no boost_log_setup): what an operator
// writes in logging.properties reaches the log as Boost.Log's own parsers would have taken it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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

class LogSettingsParserTest : public ::testing::Test {
  protected:
    void TearDown() override { logging::shutdown(); }

    // Settings whose only sink is out.log with this Filter and Format.
    std::optional<std::string> setupFile(const std::string& filter, const std::string& format,
                                         const std::string& core = "") {
        std::string text = "# a comment\n[Core]\n" + core +
                           "\n[Sinks.File]\nDestination = TextFile\nFileName=\"" + logPath() +
                           "\"\nAutoFlush=true\n";
        if (!filter.empty()) text += "Filter=" + filter + "\n";
        if (!format.empty()) text += "Format=" + format + "\n";
        return logging::setup({dir_.write("logging.properties", text), {}, {}});
    }
    std::string logPath() const { return dir_.path() + "/out.log"; }
    std::string logged() {
        logging::flush();
        return readFile(logPath());
    }

    TempDir dir_;
};

}  // namespace

TEST_F(LogSettingsParserTest, FilterCombinesSeverities) {
    ASSERT_EQ(setupFile("\"%Severity% = debug or (%Severity% >= ERROR & !(%Severity% > \\\"SEVERE\\\"))\"",
                        "\"%Severity% %Room%%Message%\""),
              std::nullopt);
    JLOG(trace) << "t";
    JLOG_ROOM(debug, "r@conference.example.com") << "d";
    JLOG(info) << "i";
    JLOG(warning) << "w";
    JLOG(error) << "e";
    JLOG(fatal) << "f";
    EXPECT_EQ(logged(), "DEBUG [room=r@conference.example.com] d\nERROR e\n");
}

TEST_F(LogSettingsParserTest, FormatPlaceholdersAndEscapes) {
    ASSERT_EQ(setupFile("", R"x("[%ProcessID%] %LineID%\t%Severity(x=\"y\")%: 100\% %Message%")x"),
              std::nullopt);
    JLOG(error) << "done";
    std::string text = logged();
    EXPECT_TRUE(std::regex_match(text, std::regex(R"(\[0x[0-9a-f]+\] \d+\tERROR: 100% done\n)"))) << text;
}

TEST_F(LogSettingsParserTest, DisableLoggingSilencesEverything) {
    ASSERT_EQ(setupFile("", "", "DisableLogging=true"), std::nullopt);
    JLOG(fatal) << "unheard";
    EXPECT_EQ(logged().find("unheard"), std::string::npos);
}

TEST_F(LogSettingsParserTest, MistakesNameTheLineOrTheSink) {
    auto err = [&](const std::string& name, const std::string& text) {
        auto e = logging::setup({dir_.write(name, text), {}, {}});
        return e ? *e : std::string("no error");
    };
    EXPECT_NE(err("a", "[Core]\nFilter=x\nno equals sign here\n").find("line 3"), std::string::npos);
    EXPECT_NE(err("b", "Filter=x\n").find("outside of any [section]"), std::string::npos);
    EXPECT_NE(err("c", "[Core]\nFilter=\"%Severity% >= INFO\n").find("unterminated"), std::string::npos);
    EXPECT_NE(
        err("d", "[Sinks.Out]\nDestination=Console\nFormat=\"%Sevrity% %Message%\"\n").find("%Sevrity%"),
        std::string::npos);
    auto regex = err("e", "[Sinks.Out]\nDestination=Console\nFilter=\"%Severity% matches \\\"E.*\\\"\"\n");
    EXPECT_NE(regex.find("[Sinks.Out]"), std::string::npos) << regex;
    EXPECT_NE(regex.find("matches"), std::string::npos) << regex;
    EXPECT_NE(err("e2", "[Core]\nFilter=\"%Room% = x\"\n").find("only %Severity%"), std::string::npos);
    EXPECT_NE(err("f", "[Sinks.Out]\nDestination=TextFile\nRotationSize=ten\n").find("RotationSize"),
              std::string::npos);
    EXPECT_NE(err("g", "[Sinks.Out]\nDestination=Syslog\nTargetPort=70000\n").find("TargetPort"),
              std::string::npos);
    EXPECT_NE(err("h", "[Core]\nFilter=\"%Severity% >= INFO and\"\n").find("h:"), std::string::npos);
}

// The [Sinks.File] example of the shipped logging.properties, uncommented, rotates and keeps MaxFiles.
TEST_F(LogSettingsParserTest, ShippedFileExampleRotates) {
    std::ifstream in(std::string(JICOFO_SOURCE_DIR) + "/resources/logging.properties");
    std::string text, line;
    bool inFileSection = false;
    while (std::getline(in, line)) {
        if (line.rfind("#[", 0) == 0) inFileSection = line == "#[Sinks.File]";
        if (line.empty()) inFileSection = false;
        if (inFileSection && line.rfind("#", 0) == 0) line = line.substr(1);
        text += line + "\n";
    }
    std::string logs = dir_.path() + "/logs";
    std::filesystem::create_directories(logs);
    text = std::regex_replace(text, std::regex("/var/log/jitsi"), logs);
    text = std::regex_replace(text, std::regex("RotationSize=\\d+"), "RotationSize=300");
    text = std::regex_replace(text, std::regex("MaxFiles=\\d+"), "MaxFiles=2");
    ASSERT_NE(text.find("\n[Sinks.File]\n"), std::string::npos);
    std::ostringstream console;  // the example keeps the console sink too
    auto* old = std::clog.rdbuf(console.rdbuf());
    ASSERT_EQ(logging::setup({dir_.write("logging.properties", text), {}, {}}), std::nullopt);
    for (int i = 0; i < 40; ++i) JLOG(info) << "line " << i << " padded to fill the file quickly";
    logging::shutdown();  // the last file is rotated too (no EnableFinalRotation=false in the example)
    std::clog.rdbuf(old);
    int rotated = 0;
    std::string all;
    for (const auto& e : std::filesystem::directory_iterator(logs)) {
        if (e.path().filename().string().rfind("jicofo.log.", 0) == 0) ++rotated;
        all += readFile(e.path().string());
    }
    EXPECT_EQ(rotated, 2);  // MaxFiles
    EXPECT_NE(all.find("line 39 padded"), std::string::npos);
    EXPECT_EQ(all.find("line 0 padded"), std::string::npos);  // the oldest were removed
    EXPECT_NE(console.str().find("line 0 padded"), std::string::npos);
}

// Neither the settings parsers nor anything else of log/ brings boost_regex or ICU (~2 MB resident) back.
TEST(LogFootprint, NoRegexOrIcuMapped) {
    std::string maps = readFile("/proc/self/maps");
    EXPECT_EQ(maps.find("libboost_regex"), std::string::npos);
    EXPECT_EQ(maps.find("libicu"), std::string::npos);
    EXPECT_EQ(maps.find("libboost_log_setup"), std::string::npos);
}
