#include <gtest/gtest.h>

#include "config/ConfigLoader.h"
#include "config/PropertyNames.h"
#include "unit/config/ConfigTestUtil.h"

using namespace jicofo::config;
using namespace jicofo::config::test;
using std::chrono::milliseconds;

namespace {

bool hasNote(const FocusConfig& cfg, ConfigNote::Level level, const std::string& part) {
    for (const auto& n : cfg.notes)
        if (n.level == level && n.text.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(ConfigLoader, DefaultsOfThe2015Focus) {
    auto cfg = loadIsolated(withRequired({}));
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_EQ(cfg->host, "localhost");
    EXPECT_EQ(cfg->domain, "localhost");
    EXPECT_EQ(cfg->port, 5347);
    EXPECT_EQ(cfg->subdomain, "focus");
    EXPECT_EQ(cfg->secret, "s3cret");
    EXPECT_EQ(cfg->hostname, "localhost");
    EXPECT_EQ(cfg->xmppDomain, "localhost");
    EXPECT_EQ(cfg->focusUserDomain, "auth.example.com");
    EXPECT_EQ(cfg->focusUserName, "focus");
    EXPECT_TRUE(cfg->anonymousLogin());
    EXPECT_EQ(cfg->focusUserPort, 5222);
    EXPECT_FALSE(cfg->alwaysTrustMode);
    EXPECT_FALSE(cfg->allowPlaintextPassword);
    EXPECT_EQ(cfg->pingInterval, milliseconds(10000));
    EXPECT_EQ(cfg->pingTimeout, milliseconds(5000));
    EXPECT_EQ(cfg->pingThreshold, 3);
    EXPECT_FALSE(cfg->shutdownAllowedJid);
    EXPECT_EQ(cfg->idleTimeout, milliseconds(15000));
    EXPECT_FALSE(cfg->disableAutoOwner);
    EXPECT_EQ(cfg->maxConferencesPerJid, 50);
    EXPECT_EQ(cfg->serviceRediscoveryInterval, milliseconds(30000));
    EXPECT_EQ(cfg->maxStatsReportAge, milliseconds(15000));
    EXPECT_EQ(cfg->pubsubRetryInterval, milliseconds(15000));
    EXPECT_EQ(cfg->bridgeFailureResetThreshold, milliseconds(300000));  // also without a mapping (2015: 0)
    EXPECT_EQ(cfg->bridgeHealthCheckInterval, milliseconds(10000));
    EXPECT_EQ(cfg->bridgeRequestTimeout, milliseconds(20000));
    EXPECT_EQ(cfg->authLifetime, milliseconds(86400000));
    EXPECT_EQ(cfg->httpPort, 8888);
    EXPECT_EQ(cfg->httpHost, "127.0.0.1") << "new: loopback unless jetty.host is set (2015: every interface)";
    EXPECT_EQ(cfg->httpsPort, 8843);
    EXPECT_FALSE(cfg->authUrl || cfg->reservationBaseUrl || cfg->logLevel || cfg->logFile || cfg->pidFile);
    EXPECT_FALSE(cfg->daemon);
    EXPECT_EQ(cfg->componentJid().str(), "focus.localhost");
    EXPECT_EQ(cfg->focusJid().str(), "focus@auth.example.com");
    EXPECT_EQ(cfg->mucNickname(), "focus");
}

TEST(ConfigLoader, RequiredArgumentsWithTheOriginalMessage) {
    auto none = loadIsolated({"--domain=example.com"});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().message, "Some of required arguments were not specified: [secret, user_domain]");
    auto noSecret = loadIsolated({"--user_domain=auth.example.com"});
    ASSERT_FALSE(noSecret.ok());
    EXPECT_EQ(noSecret.error().message, "Some of required arguments were not specified: [secret]");
    EXPECT_EQ(noSecret.error().setting, "--secret");
    auto noUserDomain = loadIsolated({"--secret=x"});
    ASSERT_FALSE(noUserDomain.ok());
    EXPECT_EQ(noUserDomain.error().message, "Some of required arguments were not specified: [user_domain]");
    EXPECT_FALSE(loadIsolated({"--secret=", "--user_domain=a.b"}).ok());  // an empty value is no value
}

TEST(ConfigLoader, HostAndDomainFallBackOnEachOther) {
    auto onlyDomain = loadIsolated(withRequired({"--domain=example.com"}));
    ASSERT_TRUE(onlyDomain.ok());
    EXPECT_EQ(onlyDomain->host, "example.com");
    EXPECT_EQ(onlyDomain->componentJid().str(), "focus.example.com");
    auto onlyHost = loadIsolated(withRequired({"--host=xmpp.example.com"}));
    ASSERT_TRUE(onlyHost.ok());
    EXPECT_EQ(onlyHost->domain, "xmpp.example.com");
    EXPECT_EQ(onlyHost->xmppDomain, "xmpp.example.com");
    auto both = loadIsolated(withRequired(
        {"--host=10.0.0.1", "--domain=example.com", "--subdomain=f2", "--port=5348", "--user_name=Bot"}));
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both->hostname, "10.0.0.1");
    EXPECT_EQ(both->componentJid().str(), "f2.example.com");
    EXPECT_EQ(both->port, 5348);
    EXPECT_EQ(both->mucNickname(), "Bot");  // the nickname keeps its case; the JID is folded
    EXPECT_EQ(both->focusJid().str(), "bot@auth.example.com");
}

TEST(ConfigLoader, FlagsAreCopiedIntoSystemPropertiesOverDashD) {
    auto cfg =
        loadIsolated(withRequired({"-Dorg.jitsi.jicofo.FOCUS_USER_NAME=bob", "-Dorg.jitsi.jicofo.HOSTNAME=h",
                                   "--user_password=pw", "--domain=example.com"}));
    ASSERT_TRUE(cfg.ok());
    const auto& sys = cfg->properties.system;
    EXPECT_EQ(sys.at(prop::kFocusUserName), "focus");  // Main set the default over the -D, as in 2015
    EXPECT_EQ(sys.at(prop::kHostname), "example.com");
    EXPECT_EQ(sys.at(prop::kXmppDomain), "example.com");
    EXPECT_EQ(sys.at(prop::kFocusUserDomain), "auth.example.com");
    EXPECT_EQ(sys.at(prop::kFocusUserPassword), "pw");
    EXPECT_EQ(cfg->focusUserName, "focus");
    EXPECT_EQ(cfg->focusUserPassword, "pw");
    // No --user_password: Main did not set the property, so a -D one is used.
    auto dashD = loadIsolated(withRequired({"-Dorg.jitsi.jicofo.FOCUS_USER_PASSWORD=fromD"}));
    ASSERT_TRUE(dashD.ok());
    EXPECT_EQ(dashD->focusUserPassword, "fromD");
}

TEST(ConfigLoader, FileOverridesFlagDerivedProperties) {
    TempDir dir;
    auto cfg = loadWithFile(dir,
                            "org.jitsi.jicofo.XMPP_DOMAIN=other.example.com\n"
                            "org.jitsi.jicofo.HOSTNAME=xmpp.other.example.com\n"
                            "org.jitsi.jicofo.FOCUS_USER_NAME=jicofo\n"
                            "org.jitsi.jicofo.FOCUS_USER_PASSWORD=filepw\n",
                            {"--domain=example.com", "--user_password=flagpw"});
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_EQ(cfg->xmppDomain, "other.example.com");
    EXPECT_EQ(cfg->hostname, "xmpp.other.example.com");
    EXPECT_EQ(cfg->focusJid().str(), "jicofo@auth.example.com");
    EXPECT_EQ(cfg->focusUserPassword, "filepw");
    // The component connection keeps using the flags, as ComponentMain did.
    EXPECT_EQ(cfg->domain, "example.com");
    EXPECT_EQ(cfg->componentJid().str(), "focus.example.com");
}

TEST(ConfigLoader, FileFirstThenDashD) {
    TempDir dir;
    auto both =
        loadWithFile(dir, "org.jitsi.focus.IDLE_TIMEOUT=2000\n", {"-Dorg.jitsi.focus.IDLE_TIMEOUT=1000"});
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both->idleTimeout, milliseconds(2000));
    auto onlyD = loadWithFile(dir, "# nothing\n", {"-Dorg.jitsi.focus.IDLE_TIMEOUT=1000"});
    ASSERT_TRUE(onlyD.ok());
    EXPECT_EQ(onlyD->idleTimeout, milliseconds(1000));
    // An empty file entry hides the -D value and counts as unset (ConfigurationService.getString).
    auto empty =
        loadWithFile(dir, "org.jitsi.focus.IDLE_TIMEOUT=\n", {"-Dorg.jitsi.focus.IDLE_TIMEOUT=1000"});
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->idleTimeout, milliseconds(15000));
}

TEST(ConfigLoader, TypedValuesAreTrimmedRawOnesAreNot) {
    TempDir dir;
    auto cfg = loadWithFile(dir, "org.jitsi.focus.IDLE_TIMEOUT = 2000  \nmy.plugin.key=x y \n");
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_EQ(cfg->idleTimeout, milliseconds(2000));
    EXPECT_EQ(cfg->properties.get("org.jitsi.focus.IDLE_TIMEOUT"), "2000  ");
    EXPECT_EQ(cfg->properties.get("my.plugin.key"), "x y ");  // other parts may read keys we do not know
    EXPECT_EQ(cfg->properties.getString("my.plugin.key"), "x y");
}

TEST(ConfigLoader, SecretsFromTheEnvironment) {
    auto env = loadIsolated({"--user_domain=auth.example.com"},
                            {{"JICOFO_SECRET", "envsecret"}, {"JICOFO_AUTH_PASSWORD", "envpw"}});
    ASSERT_TRUE(env.ok()) << env.error().message;
    EXPECT_EQ(env->secret, "envsecret");
    EXPECT_EQ(env->focusUserPassword, "envpw");
    EXPECT_EQ(env->properties.system.at(prop::kFocusUserPassword), "envpw");
    auto flags = loadIsolated({"--user_domain=auth.example.com", "--secret=flag", "--user_password=flagpw"},
                              {{"JICOFO_SECRET", "envsecret"}, {"JICOFO_AUTH_PASSWORD", "envpw"}});
    ASSERT_TRUE(flags.ok());
    EXPECT_EQ(flags->secret, "flag");
    EXPECT_EQ(flags->focusUserPassword, "flagpw");
    EXPECT_FALSE(loadIsolated({"--user_domain=a.b"}, {{"JICOFO_SECRET", ""}}).ok());
}

TEST(ConfigLoader, ScHomeResolution) {
    EXPECT_EQ(defaultPropertiesPath({}, {{"HOME", "/home/u"}}),
              "/home/u/.sip-communicator/sip-communicator.properties");
    EXPECT_EQ(defaultPropertiesPath({{prop::kHomeDirLocation, "/etc/jitsi"}, {prop::kHomeDirName, "jicofo"}},
                                    {{"HOME", "/home/u"}}),
              "/etc/jitsi/jicofo/sip-communicator.properties");
    EXPECT_EQ(defaultPropertiesPath({{prop::kHomeDirName, "jicofo"}}, {{"HOME", "/home/u"}}),
              "/home/u/jicofo/sip-communicator.properties");
    EXPECT_EQ(defaultPropertiesPath({{prop::kUserHome, "/opt/j"}}, {{"HOME", "/home/u"}}),
              "/opt/j/.sip-communicator/sip-communicator.properties");

    // The Debian way: JAVA_SYS_PROPS points the home at /etc/jitsi + jicofo.
    TempDir dir;
    dir.write("jicofo/sip-communicator.properties",
              "org.jitsi.jicofo.SHUTDOWN_ALLOWED_JID=admin@example.com/x\n");
    auto cfg = loadIsolated(withRequired({"-Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=" + dir.path(),
                                          "-Dnet.java.sip.communicator.SC_HOME_DIR_NAME=jicofo"}));
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_EQ(cfg->configFile, dir.path() + "/jicofo/sip-communicator.properties");
    ASSERT_TRUE(cfg->shutdownAllowedJid);
    EXPECT_EQ(cfg->shutdownAllowedJid->str(), "admin@example.com");  // compared as a bare JID

    // $HOME/.sip-communicator when nothing is given.
    TempDir home;
    home.write(".sip-communicator/sip-communicator.properties", "org.jitsi.jicofo.DISABLE_AUTO_OWNER=true\n");
    auto fromHome = load(withRequired({}), {{"HOME", home.path()}});
    ASSERT_TRUE(fromHome.ok());
    EXPECT_TRUE(fromHome->disableAutoOwner);
}

TEST(ConfigLoader, MissingDefaultFileIsOnlyANote) {
    TempDir dir;
    auto cfg = loadIsolated(withRequired({"-Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=" + dir.path()}));
    ASSERT_TRUE(cfg.ok());
    EXPECT_TRUE(hasNote(*cfg, ConfigNote::Level::info, "No " + dir.path()));
    EXPECT_TRUE(cfg->properties.file.empty());
}

TEST(ConfigLoader, MissingExplicitFileAndDirectoryAreErrors) {
    TempDir dir;
    auto missing = loadIsolated(withRequired({"--config=" + dir.path() + "/nope.properties"}));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().message, "--config: " + dir.path() + "/nope.properties does not exist");

    auto directory = loadIsolated(withRequired({"--config=" + dir.path()}));
    ASSERT_FALSE(directory.ok());
    EXPECT_EQ(directory.error().message, dir.path() + ": is a directory");
}

TEST(ConfigLoader, UnreadableFileIsAnError) {
    TempDir dir;
    std::string file = dir.write("locked.properties", "a=b\n");
    std::filesystem::permissions(file, std::filesystem::perms::none);
    std::ifstream probe(file);
    if (probe) GTEST_SKIP() << "running with privileges that ignore file modes";
    auto unreadable = loadIsolated(withRequired({"--config=" + file}));
    ASSERT_FALSE(unreadable.ok());
    EXPECT_EQ(unreadable.error().message, file + ": cannot read: Permission denied");
}

TEST(ConfigLoader, ReadErrorIsNotTakenForAnEmptyFile) {
    // Opening succeeds, reading fails (EIO at address 0): the error must stop start-up, even as root.
    const std::string mem = "/proc/self/mem";
    if (!std::filesystem::exists(mem)) GTEST_SKIP() << "no " << mem;
    auto cfg = loadIsolated(withRequired({"--config=" + mem}));
    ASSERT_FALSE(cfg.ok());
    EXPECT_EQ(cfg.error().message, mem + ": cannot read: Input/output error");
}

TEST(ConfigLoader, SyntaxErrorNamesFileAndLine) {
    TempDir dir;
    auto cfg = loadWithFile(dir, "a=1\nb=\\uZZZZ\n");
    ASSERT_FALSE(cfg.ok());
    EXPECT_EQ(cfg.error().message, dir.path() + "/sip-communicator.properties:2: malformed \\uXXXX escape");
}

TEST(ConfigLoader, HelpNeedsNothingElse) {
    auto cfg = loadIsolated({"--help", "--port=abc"});
    ASSERT_TRUE(cfg.ok());
    EXPECT_TRUE(cfg->helpRequested);
    EXPECT_TRUE(loadIsolated({"-h"})->helpRequested);
}

TEST(ConfigLoader, DaemonAndPidfileAreStored) {
    auto cfg = loadIsolated(withRequired({"--daemon", "--pidfile=/run/jicofo.pid"}));
    ASSERT_TRUE(cfg.ok());
    EXPECT_TRUE(cfg->daemon);
    EXPECT_EQ(cfg->pidFile, "/run/jicofo.pid");
    EXPECT_FALSE(loadIsolated(withRequired({"--daemon=false"}))->daemon);
}

TEST(ConfigLoader, CommandLineWarningsAndUnknownPropertiesBecomeNotes) {
    TempDir dir;
    auto cfg = loadWithFile(
        dir, "org.jitsi.focus.IDLE_TIMEOUTT=1\norg.jitsi.jicofo.auth.jetty.sslContextFactory.x=1\n",
        {"--colour=blue"});
    ASSERT_TRUE(cfg.ok());
    EXPECT_TRUE(hasNote(*cfg, ConfigNote::Level::warning, "colour"));
    EXPECT_TRUE(hasNote(*cfg, ConfigNote::Level::warning, "org.jitsi.focus.IDLE_TIMEOUTT"));
    EXPECT_FALSE(hasNote(*cfg, ConfigNote::Level::warning, "sslContextFactory"));
}

TEST(ConfigLoader, ArgvAndEnvpForm) {
    const char* argv[] = {"jicofo", "--secret=a", "--user_domain=auth.example.com",
                          "--config=/nonexistent/x"};
    const char* envp[] = {"HOME=/tmp", "JICOFO_AUTH_PASSWORD=pw", nullptr};
    auto cfg = load(4, argv, envp);
    ASSERT_FALSE(cfg.ok());  // the explicit file is missing; proves argv[1..] were read
    EXPECT_EQ(cfg.error().setting, "--config");
    auto env = environmentFrom(envp);
    EXPECT_EQ(env.at("JICOFO_AUTH_PASSWORD"), "pw");
}
