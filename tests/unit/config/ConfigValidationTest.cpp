// Each bad setting stops start-up with one line naming it (the 2015 focus silently used the default).
#include <gtest/gtest.h>

#include "config/ConfigLoader.h"
#include "unit/config/ConfigTestUtil.h"

using namespace jicofo::config;
using namespace jicofo::config::test;

namespace {

struct BadProperty {
    const char* line;
    const char* message;
};

const BadProperty kBadProperties[] = {
    {"org.jitsi.focus.IDLE_TIMEOUT=abc",
     "org.jitsi.focus.IDLE_TIMEOUT: \"abc\" is not a number of milliseconds"},
    {"org.jitsi.focus.IDLE_TIMEOUT=0",
     "org.jitsi.focus.IDLE_TIMEOUT: 0 is not a positive number of milliseconds"},
    {"org.jitsi.jicofo.PING_INTERVAL=10s",
     "org.jitsi.jicofo.PING_INTERVAL: \"10s\" is not a number of milliseconds"},
    {"org.jitsi.jicofo.PING_TIMEOUT=0",
     "org.jitsi.jicofo.PING_TIMEOUT: 0 is not a positive number of milliseconds"},
    {"org.jitsi.jicofo.PING_THRESHOLD=x", "org.jitsi.jicofo.PING_THRESHOLD: \"x\" is not an integer"},
    {"org.jitsi.jicofo.PING_THRESHOLD=99999999999",
     "org.jitsi.jicofo.PING_THRESHOLD: \"99999999999\" is not an integer"},
    {"org.jitsi.jicofo.PING_THRESHOLD=0", "org.jitsi.jicofo.PING_THRESHOLD: 0 is out of range (1..1000000)"},
    {"org.jitsi.jicofo.DISABLE_AUTO_OWNER=yes",
     "org.jitsi.jicofo.DISABLE_AUTO_OWNER: \"yes\" is not a boolean (true or false)"},
    {"org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=1",
     "org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED: \"1\" is not a boolean (true or false)"},
    {"org.jitsi.jicofo.FOCUS_USER_PORT=0",
     "org.jitsi.jicofo.FOCUS_USER_PORT: 0 is not a port number (1..65535)"},
    {"org.jitsi.jicofo.FOCUS_USER_PORT=65536",
     "org.jitsi.jicofo.FOCUS_USER_PORT: 65536 is not a port number (1..65535)"},
    {"org.jitsi.jicofo.auth.jetty.port=-1",
     "org.jitsi.jicofo.auth.jetty.port: -1 is not a port number (0..65535)"},
    {"org.jitsi.jicofo.auth.jetty.port=http", "org.jitsi.jicofo.auth.jetty.port: \"http\" is not an integer"},
    {"org.jitsi.jicofo.MAX_STATS_REPORT_AGE=0",
     "org.jitsi.jicofo.MAX_STATS_REPORT_AGE: 0 is not a positive number of milliseconds"},
    {"org.jitsi.jicofo.MAX_CONFERENCES_PER_JID=-1",
     "org.jitsi.jicofo.MAX_CONFERENCES_PER_JID: -1 is out of range (0..1000000)"},
    {"org.jitsi.jicofo.BRIDGE_REQUEST_TIMEOUT=0",
     "org.jitsi.jicofo.BRIDGE_REQUEST_TIMEOUT: 0 is not a positive number of milliseconds"},
    {"org.jitsi.jicofo.BRIDGE_HEALTH_CHECK_INTERVAL=ten",
     "org.jitsi.jicofo.BRIDGE_HEALTH_CHECK_INTERVAL: \"ten\" is not a number of milliseconds"},
    {"org.jitsi.focus.BRIDGE_FAILURE_RESET_THRESHOLD=5m",
     "org.jitsi.focus.BRIDGE_FAILURE_RESET_THRESHOLD: \"5m\" is not a number of milliseconds"},
    {"org.jitsi.jicofo.auth.AUTH_LIFETIME=1e9",
     "org.jitsi.jicofo.auth.AUTH_LIFETIME: \"1e9\" is not a number of milliseconds"},
    {"org.jitsi.focus.pubsub.RETRY_INTERVAL=-5",
     "org.jitsi.focus.pubsub.RETRY_INTERVAL: -5 is not a positive number of milliseconds"},
    {"org.jitsi.jicofo.SHUTDOWN_ALLOWED_JID=a@@b",
     "org.jitsi.jicofo.SHUTDOWN_ALLOWED_JID: \"a@@b\" is not a valid JID"},
    {"org.jitsi.focus.pubsub.ADDRESS=pub sub",
     "org.jitsi.focus.pubsub.ADDRESS: \"pub sub\" is not a valid JID"},
    {"org.jitsi.focus.BRIDGE_PUBSUB_MAPPING=jvb1.example.com",
     "org.jitsi.focus.BRIDGE_PUBSUB_MAPPING: \"jvb1.example.com\" is not of the form bridge-jid:node"},
    {"org.jitsi.focus.BRIDGE_PUBSUB_MAPPING=a:n;@x:n",
     "org.jitsi.focus.BRIDGE_PUBSUB_MAPPING: \"@x:n\" is not of the form bridge-jid:node"},
    {"org.jitsi.jicofo.XMPP_DOMAIN=user@example.com",
     "org.jitsi.jicofo.XMPP_DOMAIN: \"user@example.com\" is not a valid XMPP domain"},
    {"org.jitsi.jicofo.XMPP_DOMAIN= ", "org.jitsi.jicofo.XMPP_DOMAIN: must not be empty"},
    {"org.jitsi.jicofo.HOSTNAME=", "org.jitsi.jicofo.HOSTNAME: must not be empty"},
    {"org.jitsi.jicofo.FOCUS_USER_DOMAIN=auth.example.com/r",
     "org.jitsi.jicofo.FOCUS_USER_DOMAIN: \"auth.example.com/r\" is not a valid XMPP domain"},
    {"org.jitsi.jicofo.FOCUS_USER_NAME=fo cus",
     "org.jitsi.jicofo.FOCUS_USER_NAME: \"fo cus@auth.example.com\" is not a valid JID"},
    {"org.jitsi.jicofo.log.LEVEL=LOUD",
     "org.jitsi.jicofo.log.LEVEL: \"LOUD\" is not a log level (TRACE, DEBUG, INFO, WARNING, ERROR, FATAL)"},
    {"org.jitsi.videobridge.log.INFLUX_DB_ENABLED=true",
     "org.jitsi.videobridge.log.INFLUX_URL_BASE: required when org.jitsi.videobridge.log.INFLUX_DB_ENABLED "
     "is true"},
};

}  // namespace

TEST(ConfigValidation, EachBadPropertyIsNamed) {
    TempDir dir;
    for (const auto& bad : kBadProperties) {
        auto cfg = loadWithFile(dir, std::string(bad.line) + "\n");
        ASSERT_FALSE(cfg.ok()) << bad.line;
        EXPECT_EQ(cfg.error().message, bad.message);
        EXPECT_EQ(cfg.error().message.rfind(cfg.error().setting + ": ", 0), 0u) << bad.line;
    }
}

TEST(ConfigValidation, BadDashDValueIsRefusedToo) {
    auto cfg = loadIsolated(withRequired({"-Dorg.jitsi.focus.IDLE_TIMEOUT=abc"}));
    ASSERT_FALSE(cfg.ok());
    EXPECT_EQ(cfg.error().setting, "org.jitsi.focus.IDLE_TIMEOUT");
}

TEST(ConfigValidation, BooleansAreCaseInsensitive) {
    TempDir dir;
    for (const char* v : {"true", "TRUE", "True", "tRuE"}) {
        auto cfg = loadWithFile(dir, std::string("org.jitsi.jicofo.DISABLE_AUTO_OWNER=") + v + "\n");
        ASSERT_TRUE(cfg.ok()) << v;
        EXPECT_TRUE(cfg->disableAutoOwner) << v;
    }
    auto f = loadWithFile(dir, "org.jitsi.jicofo.DISABLE_AUTO_OWNER=FALSE\n");
    ASSERT_TRUE(f.ok());
    EXPECT_FALSE(f->disableAutoOwner);
}

TEST(ConfigValidation, SignedNumbersAsJava) {
    TempDir dir;
    auto cfg = loadWithFile(
        dir, "org.jitsi.focus.IDLE_TIMEOUT=+2500\norg.jitsi.jicofo.SERVICE_REDISCOVERY_INTERVAL=-1\n");
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_EQ(cfg->idleTimeout.count(), 2500);
    EXPECT_EQ(cfg->serviceRediscoveryInterval.count(), -1);
}

TEST(ConfigValidation, BadFlags) {
    struct Case {
        std::vector<std::string> args;
        const char* message;
    };
    const Case cases[] = {
        {{"--port=abc"}, "--port: \"abc\" is not an integer"},
        {{"--port=0"}, "--port: 0 is not a port number (1..65535)"},
        {{"--port=70000"}, "--port: 70000 is not a port number (1..65535)"},
        {{"--domain=me@example.com"}, "--domain: \"me@example.com\" is not a valid XMPP domain"},
        {{"--domain=example.com", "--subdomain=a@b"},
         "--subdomain: \"a@b.example.com\" is not a valid component JID"},
        {{"--daemon=maybe"}, "--daemon: \"maybe\" is not a boolean (true or false)"},
        {{"--user_domain=a b"}, "org.jitsi.jicofo.FOCUS_USER_DOMAIN: \"a b\" is not a valid XMPP domain"},
    };
    for (const auto& c : cases) {
        auto cfg = loadIsolated(withRequired(c.args));
        ASSERT_FALSE(cfg.ok()) << c.message;
        EXPECT_EQ(cfg.error().message, c.message);
    }
}

TEST(ConfigValidation, FirstProblemIsReported) {
    TempDir dir;
    auto cfg = loadWithFile(dir, "org.jitsi.focus.IDLE_TIMEOUT=abc\norg.jitsi.jicofo.FOCUS_USER_PORT=x\n");
    ASSERT_FALSE(cfg.ok());
    EXPECT_EQ(cfg.error().setting, "org.jitsi.jicofo.FOCUS_USER_PORT");  // XMPP settings are read first
}
