// jicofo.xmpp.client.client-proxy: focus.DOMAIN as a Prosody client_proxy (issue 13 §3). With it the
// component secret is not needed; without it a missing secret still stops start-up as in 2015.
#include <gtest/gtest.h>

#include "config/ConfigLoader.h"
#include "unit/config/ConfigTestUtil.h"

using namespace jicofo::config;
using namespace jicofo::config::test;

TEST(ClientProxyProperty, UnsetByDefault) {
    TempDir dir;
    auto cfg = loadWithFile(dir, "");
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_FALSE(cfg->clientProxy);
}

TEST(ClientProxyProperty, ReplacesTheSecret) {
    TempDir dir;
    std::string file =
        dir.write("sip-communicator.properties", "jicofo.xmpp.client.client-proxy=Focus.Example.com\n");
    auto cfg = loadIsolated({"--user_domain=auth.example.com", "--config=" + file});
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_EQ(cfg->clientProxy->str(), "focus.example.com");
    EXPECT_TRUE(cfg->secret.empty());
}

TEST(ClientProxyProperty, WithoutItTheSecretIsStillRequired) {
    TempDir dir;
    std::string file = dir.write("sip-communicator.properties", "");
    auto cfg = loadIsolated({"--user_domain=auth.example.com", "--config=" + file});
    ASSERT_FALSE(cfg.ok());
    EXPECT_EQ(cfg.error().setting, "--secret");
    EXPECT_NE(cfg.error().message.find("[secret]"), std::string::npos) << cfg.error().message;
    // Both missing: named together, as in 2015.
    auto both = loadIsolated({"--config=" + file});
    ASSERT_FALSE(both.ok());
    EXPECT_NE(both.error().message.find("[secret, user_domain]"), std::string::npos) << both.error().message;
}

TEST(ClientProxyProperty, NotADomainStopsStartUp) {
    TempDir dir;
    for (const char* bad : {"focus@example.com", "focus.example.com/x", "@"}) {
        auto cfg = loadWithFile(dir, std::string("jicofo.xmpp.client.client-proxy=") + bad + "\n");
        ASSERT_FALSE(cfg.ok()) << bad;
        EXPECT_EQ(cfg.error().setting, "jicofo.xmpp.client.client-proxy") << bad;
    }
}
