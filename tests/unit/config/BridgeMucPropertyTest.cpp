// The brewery room property of modern bridges: org.jitsi.jicofo.BRIDGE_MUC or its newer name
// jicofo.bridge.brewery-jid (docs/media.md §1.5, issue 13).
#include <gtest/gtest.h>

#include "config/ConfigLoader.h"
#include "unit/config/ConfigTestUtil.h"

using namespace jicofo::config;
using namespace jicofo::config::test;

TEST(BridgeMucProperty, UnsetByDefault) {
    TempDir dir;
    auto cfg = loadWithFile(dir, "");
    ASSERT_TRUE(cfg.ok()) << cfg.error().message;
    EXPECT_FALSE(cfg->bridgeMuc);
}

TEST(BridgeMucProperty, EitherNameAndBridgeMucWins) {
    TempDir dir;
    auto newer = loadWithFile(dir, "jicofo.bridge.brewery-jid=jvbbrewery@internal.auth.example.com\n");
    ASSERT_TRUE(newer.ok()) << newer.error().message;
    EXPECT_EQ(newer->bridgeMuc->str(), "jvbbrewery@internal.auth.example.com");
    auto both = loadWithFile(dir,
                             "jicofo.bridge.brewery-jid=other@internal.auth.example.com\n"
                             "org.jitsi.jicofo.BRIDGE_MUC=JvbBrewery@Internal.Auth.Example.com\n");
    ASSERT_TRUE(both.ok()) << both.error().message;
    EXPECT_EQ(both->bridgeMuc->str(), "jvbbrewery@internal.auth.example.com");  // case-folded
}

TEST(BridgeMucProperty, NotARoomJidStopsStartUp) {
    TempDir dir;
    for (const char* bad :
         {"internal.auth.example.com", "jvbbrewery@internal.auth.example.com/focus", "@x"}) {
        auto cfg = loadWithFile(dir, std::string("org.jitsi.jicofo.BRIDGE_MUC=") + bad + "\n");
        ASSERT_FALSE(cfg.ok()) << bad;
        EXPECT_EQ(cfg.error().setting, "org.jitsi.jicofo.BRIDGE_MUC") << bad;
    }
}
