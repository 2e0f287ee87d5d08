// The bridgesim2 command line: required flags, values, errors naming the flag.
#include <gtest/gtest.h>

#include "bridgesim2/Sim2Flags.h"

using namespace jicofo;
using bridgesim2::parseFlags;

namespace {

const std::vector<std::string> kRequired = {"--domain=auth.example.com", "--password=pw",
                                            "--brewery=jvbbrewery@internal.auth.example.com"};

std::vector<std::string> with(std::vector<std::string> extra) {
    std::vector<std::string> args = kRequired;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

TEST(Sim2Flags, RequiredAndDefaults) {
    auto f = parseFlags(with({}));
    ASSERT_TRUE(f) << f.error();
    EXPECT_EQ(f->user, "jvb");
    EXPECT_EQ(f->port, 5222);
    EXPECT_EQ(f->sim.brewery.str(), "jvbbrewery@internal.auth.example.com");
    EXPECT_FALSE(f->sim.nick.empty());  // random, unique per bridge
    EXPECT_EQ(f->resource, f->sim.nick);
    EXPECT_TRUE(f->sim.state.stats.healthy);
    EXPECT_EQ(parseFlags({"--password=pw", "--brewery=b@x"}).error(), "--domain is required");
    EXPECT_EQ(parseFlags({"--domain=d", "--brewery=b@x"}).error(), "--password is required");
    EXPECT_EQ(parseFlags({"--domain=d", "--password=p"}).error(), "--brewery is required");
}

TEST(Sim2Flags, StatsAndSwitches) {
    auto f = parseFlags(
        with({"--nick=jvb2", "--stress-level=0.85", "--region=eu", "--drain", "--graceful-shutdown",
              "--unhealthy", "--delay-ms=20", "--web-socket-base=wss://h/colibri-ws/jvb2", "--min-port=20000",
              "--max-port=20009", "--empty-expire-ms=500"}));
    ASSERT_TRUE(f) << f.error();
    EXPECT_EQ(f->sim.nick, "jvb2");
    EXPECT_DOUBLE_EQ(f->sim.state.stats.stressLevel, 0.85);
    EXPECT_EQ(f->sim.state.stats.region, "eu");
    EXPECT_TRUE(f->sim.state.stats.drain);
    EXPECT_TRUE(f->sim.state.stats.gracefulShutdown);
    EXPECT_FALSE(f->sim.state.stats.healthy);
    EXPECT_EQ(f->sim.state.switches.delayMs, 20u);
    EXPECT_EQ(f->sim.transport.webSocketBase, "wss://h/colibri-ws/jvb2");
    EXPECT_EQ(f->sim.transport.portRange, 10);
    EXPECT_EQ(f->sim.emptyIdle, util::Duration(500));
}

TEST(Sim2Flags, ErrorsNameTheFlag) {
    EXPECT_EQ(parseFlags(with({"--stress-level=high"})).error(), "--stress-level: not a number >= 0: high");
    EXPECT_EQ(parseFlags(with({"--port=x"})).error(), "--port: not a number: x");
    EXPECT_EQ(parseFlags(with({"--brewery=room/nick"})).error(), "--brewery: not a room JID: room/nick");
}

}  // namespace
