// Every property reaches its field of FocusConfig.
#include <gtest/gtest.h>

#include "config/ConfigLoader.h"
#include "unit/config/ConfigTestUtil.h"

using namespace jicofo::config;
using namespace jicofo::config::test;
using std::chrono::milliseconds;

TEST(ConfigProperties, EveryPropertyIsRead) {
    TempDir dir;
    auto cfg =
        loadWithFile(dir,
                     "org.jitsi.jicofo.FOCUS_USER_PORT=5223\n"
                     "org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=TRUE\n"
                     "org.jitsi.jicofo.ALLOW_PLAINTEXT_PASSWORD=True\n"
                     "org.jitsi.jicofo.PING_INTERVAL=-1\n"
                     "org.jitsi.jicofo.PING_THRESHOLD=5\n"
                     "org.jitsi.jicofo.MAX_CONFERENCES_PER_JID=0\n"
                     "org.jitsi.jicofo.STATS_PUBSUB_NODE=sharedStatsNode\n"
                     "org.jitsi.focus.pubsub.ADDRESS=pubsub.example.com\n"
                     "org.jitsi.focus.BRIDGE_PUBSUB_MAPPING=jvb1.example.com:node1; jvb2.example.com:node2;\n"
                     "org.jitsi.focus.BRIDGE_FAILURE_RESET_THRESHOLD=60000\n"
                     "org.jitsi.jicofo.BRIDGE_HEALTH_CHECK_INTERVAL=0\n"
                     "org.jitsi.jicofo.BRIDGE_REQUEST_TIMEOUT=5000\n"
                     "org.jitsi.jicofo.auth.URL=XMPP:example.com\n"
                     "org.jitsi.jicofo.auth.DISABLE_AUTOLOGIN=true\n"
                     "org.jitsi.jicofo.auth.jetty.port=0\n"
                     "org.jitsi.jicofo.auth.jetty.host=0.0.0.0\n"
                     "org.jitsi.impl.reservation.rest.BASE_URL=http://r.example.com/api\n"
                     "org.jitsi.videobridge.log.INFLUX_DB_ENABLED=true\n"
                     "org.jitsi.videobridge.log.INFLUX_URL_BASE=http://i:8086\n"
                     "org.jitsi.videobridge.log.INFLUX_DATABASE=jitsi\n"
                     "org.jitsi.videobridge.log.INFLUX_USER=u\n"
                     "org.jitsi.videobridge.log.INFLUX_PASS=p\n"
                     "org.jitsi.jicofo.log.LEVEL=fine\n"
                     "org.jitsi.jicofo.log.FILE=/var/log/jitsi/jicofo.log\n"
                     "java.util.logging.config.file=/etc/jitsi/jicofo/logging.properties\n");
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_EQ(cfg->focusUserPort, 5223);
    EXPECT_TRUE(cfg->alwaysTrustMode && cfg->allowPlaintextPassword && cfg->disableAutologin);
    EXPECT_EQ(cfg->pingInterval, milliseconds(-1));
    EXPECT_EQ(cfg->pingThreshold, 5);
    EXPECT_EQ(cfg->maxConferencesPerJid, 0);
    EXPECT_EQ(cfg->statsPubsubNode, "sharedStatsNode");
    EXPECT_EQ(cfg->pubsubAddress->str(), "pubsub.example.com");
    ASSERT_EQ(cfg->bridgePubsubMapping.size(), 2u);
    EXPECT_EQ(cfg->bridgePubsubMapping[1].bridge.str(), "jvb2.example.com");
    EXPECT_EQ(cfg->bridgePubsubMapping[1].node, "node2");
    EXPECT_EQ(cfg->bridgeFailureResetThreshold, milliseconds(60000));  // read because a mapping is set
    EXPECT_EQ(cfg->bridgeHealthCheckInterval, milliseconds(0));
    EXPECT_EQ(cfg->bridgeRequestTimeout, milliseconds(5000));
    EXPECT_EQ(cfg->authUrl, "XMPP:example.com");
    EXPECT_EQ(cfg->httpPort, 0);
    EXPECT_EQ(cfg->httpHost, "0.0.0.0");
    EXPECT_EQ(cfg->reservationBaseUrl, "http://r.example.com/api");
    EXPECT_TRUE(cfg->influxDbEnabled);
    EXPECT_EQ(cfg->influxDatabase, "jitsi");
    EXPECT_EQ(cfg->logLevel, "fine");
    EXPECT_EQ(cfg->logFile, "/var/log/jitsi/jicofo.log");
    EXPECT_EQ(cfg->loggingConfigFile, "/etc/jitsi/jicofo/logging.properties");
}

TEST(ConfigProperties, HttpBindsToLoopbackUnlessJettyHostIsSet) {
    TempDir dir;
    auto unset = loadWithFile(dir, "org.jitsi.jicofo.auth.jetty.port=8888\n");
    ASSERT_TRUE(unset.ok()) << unset.error().message;
    EXPECT_EQ(unset->httpHost, "127.0.0.1");
    auto blank = loadWithFile(dir, "org.jitsi.jicofo.auth.jetty.host=  \n");  // empty counts as unset
    ASSERT_TRUE(blank.ok());
    EXPECT_EQ(blank->httpHost, "127.0.0.1");
    auto dashD = loadIsolated(withRequired({"-Dorg.jitsi.jicofo.auth.jetty.host=127.0.0.2"}));
    ASSERT_TRUE(dashD.ok());
    EXPECT_EQ(dashD->httpHost, "127.0.0.2");
}

TEST(ConfigProperties, ThresholdDefaultsTo300sWithMapping) {
    TempDir dir;
    auto cfg = loadWithFile(dir, "org.jitsi.focus.BRIDGE_PUBSUB_MAPPING=jvb1.example.com:n\n");
    ASSERT_TRUE(cfg.ok());
    EXPECT_EQ(cfg->bridgeFailureResetThreshold, milliseconds(300000));
}

TEST(ConfigProperties, ThresholdIsReadWithoutMappingToo) {
    TempDir dir;
    auto cfg = loadWithFile(dir, "org.jitsi.focus.BRIDGE_FAILURE_RESET_THRESHOLD=1234\n");
    ASSERT_TRUE(cfg.ok());
    EXPECT_EQ(cfg->bridgeFailureResetThreshold, milliseconds(1234));
}
