#include <gtest/gtest.h>

#include "config/ServiceCommandLine.h"

using jicofo::config::maskSecrets;
using jicofo::config::quoteWindowsArgument;
using jicofo::config::splitServiceFlags;
using jicofo::config::windowsCommandLine;

TEST(ServiceCommandLine, ServiceFlagsGoToPocoInItsUnixStyle) {
    auto s = splitServiceFlags({"--domain=example.com", "/registerService", "/displayName=Jitsi Focus",
                                "--startup=auto", "-description:the focus", "--secret=s"});
    EXPECT_EQ(s.pocoArgs, (std::vector<std::string>{"--registerService", "--displayName=Jitsi Focus",
                                                    "--startup=auto", "--description=the focus"}));
    EXPECT_EQ(s.programArgs, (std::vector<std::string>{"--domain=example.com", "--secret=s"}));
    EXPECT_TRUE(s.registers);
    EXPECT_FALSE(s.unregisters);
    EXPECT_TRUE(s.hasDisplayName);
}

TEST(ServiceCommandLine, NamesAreCaseInsensitiveAndFocusFlagsUntouched) {
    auto s = splitServiceFlags({"/UNREGISTERSERVICE", "-Dorg.jitsi.jicofo.log.FILE=C:\\x.log", "/h", "/?",
                                "--help", "--daemon", "/registered"});
    EXPECT_EQ(s.pocoArgs, std::vector<std::string>{"--unregisterService"});
    EXPECT_TRUE(s.unregisters);
    EXPECT_FALSE(s.registers);
    EXPECT_FALSE(s.hasDisplayName);
    EXPECT_EQ(s.programArgs, (std::vector<std::string>{"-Dorg.jitsi.jicofo.log.FILE=C:\\x.log", "/h", "/?",
                                                       "--help", "--daemon", "/registered"}));
}

TEST(ServiceCommandLine, NoServiceFlagsLeavesEverythingToTheFocus) {
    std::vector<std::string> args{"--host=localhost", "--domain=example.com",
                                  "--user_domain=auth.example.com"};
    auto s = splitServiceFlags(args);
    EXPECT_TRUE(s.pocoArgs.empty());
    EXPECT_EQ(s.programArgs, args);
}

TEST(ServiceCommandLine, PlainArgumentsAreNotQuoted) {
    EXPECT_EQ(quoteWindowsArgument("--secret=abc"), "--secret=abc");
    EXPECT_EQ(quoteWindowsArgument("-Dx=C:\\dir\\file"), "-Dx=C:\\dir\\file");
}

TEST(ServiceCommandLine, SpacesQuotesAndBackslashesSurviveTheRoundTrip) {
    EXPECT_EQ(quoteWindowsArgument(""), "\"\"");
    EXPECT_EQ(quoteWindowsArgument("-Dx=C:\\Program Files\\Jicofo\\log\\jicofo.log"),
              "\"-Dx=C:\\Program Files\\Jicofo\\log\\jicofo.log\"");
    // A backslash before a quote, and trailing backslashes before the closing quote, are doubled.
    EXPECT_EQ(quoteWindowsArgument("a \"b\""), "\"a \\\"b\\\"\"");
    EXPECT_EQ(quoteWindowsArgument("a\\\"b c"), "\"a\\\\\\\"b c\"");
    EXPECT_EQ(quoteWindowsArgument("C:\\Program Files\\"), "\"C:\\Program Files\\\\\"");
}

TEST(ServiceCommandLine, CommandLineQuotesTheProgram) {
    EXPECT_EQ(
        windowsCommandLine("C:\\Program Files\\Jicofo\\jicofo.exe", {"--domain=example.com", "-Dy=a b"}),
        "\"C:\\Program Files\\Jicofo\\jicofo.exe\" --domain=example.com \"-Dy=a b\"");
}

TEST(ServiceCommandLine, SecretsAreMaskedForPrinting) {
    EXPECT_EQ(maskSecrets({"--secret=abc", "-user_password=pw", "user_password=pw2", "--domain=example.com",
                           "-Dorg.jitsi.jicofo.FOCUS_USER_PASSWORD=pw3", "-Dorg.example.HOST=h"}),
              (std::vector<std::string>{
                  "--secret=*****", "-user_password=*****", "user_password=*****", "--domain=example.com",
                  "-Dorg.jitsi.jicofo.FOCUS_USER_PASSWORD=*****", "-Dorg.example.HOST=h"}));
    EXPECT_EQ(maskSecrets({"-Dorg.jitsi.videobridge.log.INFLUX_PASS=ip",
                           "-Dorg.jitsi.videobridge.MEDIA_RECORDING_TOKEN=tk", "-Dorg.example.SECRET_KEY=k"}),
              (std::vector<std::string>{"-Dorg.jitsi.videobridge.log.INFLUX_PASS=*****",
                                        "-Dorg.jitsi.videobridge.MEDIA_RECORDING_TOKEN=*****",
                                        "-Dorg.example.SECRET_KEY=*****"}));
}
