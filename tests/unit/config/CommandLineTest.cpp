#include <gtest/gtest.h>

#include "config/CommandLine.h"

using jicofo::config::parseCommandLine;

TEST(CommandLine, OneOrTwoHyphensOrNoneAreStripped) {
    auto cl = parseCommandLine({"--domain=a.example.com", "-secret=x", "host=h.example.com"});
    EXPECT_EQ(cl.flags.at("domain"), "a.example.com");
    EXPECT_EQ(cl.flags.at("secret"), "x");
    EXPECT_EQ(cl.flags.at("host"), "h.example.com");
    EXPECT_TRUE(cl.warnings.empty());
}

TEST(CommandLine, ValueKeepsLaterEqualsSigns) {
    auto cl = parseCommandLine({"--secret=a=b="});
    EXPECT_EQ(cl.flags.at("secret"), "a=b=");
}

TEST(CommandLine, ArgumentWithoutEqualsIsSkippedWithWarning) {
    auto cl = parseCommandLine({"--port", "5347", "--=x"});
    EXPECT_TRUE(cl.flags.empty());
    ASSERT_EQ(cl.warnings.size(), 3u);
    EXPECT_NE(cl.warnings[0].find("--port"), std::string::npos);
    // A bare value may be a secret given as `--secret abc`: it is not echoed into the log.
    EXPECT_EQ(cl.warnings[1].find("5347"), std::string::npos);
    EXPECT_NE(cl.warnings[1].find("argument 2"), std::string::npos);
}

TEST(CommandLine, ABareValueIsNeverEchoedEvenWithAHyphen) {
    // `--user_password -pw` (a generated password may start with a hyphen): only our own flag names are
    // shown; anything else is named by its position.
    auto cl = parseCommandLine({"--user_password", "-Pa55-w0rd", "--secrt", "-x"});
    ASSERT_EQ(cl.warnings.size(), 4u);
    EXPECT_NE(cl.warnings[0].find("--user_password"), std::string::npos);
    for (size_t i = 1; i < 4; ++i) {
        EXPECT_NE(cl.warnings[i].find("argument " + std::to_string(i + 1)), std::string::npos);
        EXPECT_EQ(cl.warnings[i].find(": -"), std::string::npos) << cl.warnings[i];
    }
}

TEST(CommandLine, EmptyValueIsAsIfAbsent) {
    auto cl = parseCommandLine({"--port=", "--secret="});
    EXPECT_TRUE(cl.flags.empty());
    EXPECT_TRUE(cl.warnings.empty());
}

TEST(CommandLine, UnknownNamesAreWarnedAndIgnored) {
    auto cl = parseCommandLine({"--colour=blue", "--secret=x"});
    EXPECT_EQ(cl.flags.count("colour"), 0u);
    ASSERT_EQ(cl.warnings.size(), 1u);
    EXPECT_NE(cl.warnings[0].find("colour"), std::string::npos);
}

TEST(CommandLine, LastRepeatWins) {
    auto cl = parseCommandLine({"--port=1", "--port=2"});
    EXPECT_EQ(cl.flags.at("port"), "2");
}

TEST(CommandLine, DashDSetsSystemProperties) {
    auto cl = parseCommandLine(
        {"-Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=/etc/jitsi", "-Dempty", "-Da=b=c"});
    EXPECT_EQ(cl.systemProperties.at("net.java.sip.communicator.SC_HOME_DIR_LOCATION"), "/etc/jitsi");
    EXPECT_EQ(cl.systemProperties.at("empty"), "");  // Java: -Dname alone is the empty string
    EXPECT_EQ(cl.systemProperties.at("a"), "b=c");
    EXPECT_TRUE(cl.flags.empty());
}

TEST(CommandLine, HelpAndDaemonNeedNoValue) {
    EXPECT_TRUE(parseCommandLine({"--help"}).help);
    EXPECT_TRUE(parseCommandLine({"-h"}).help);
    EXPECT_FALSE(parseCommandLine({"--secret=x"}).help);
    auto cl = parseCommandLine({"--daemon", "--pidfile=/run/jicofo.pid"});
    EXPECT_EQ(cl.flags.at("daemon"), "true");
    EXPECT_EQ(cl.flags.at("pidfile"), "/run/jicofo.pid");
    EXPECT_TRUE(cl.warnings.empty());
}
