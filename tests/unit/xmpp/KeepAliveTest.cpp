// KeepAlive and the ping responder on a fake channel and a manual clock.
#include <gtest/gtest.h>

#include "protocol/stanza/Namespaces.h"
#include "support/FakeChannel.h"
#include "support/ManualLoop.h"
#include "xmpp/KeepAlive.h"
#include "xmpp/PingResponder.h"

using namespace jicofo;
using util::Duration;

namespace {

struct KeepAliveTest : ::testing::Test {
    test::ManualLoop loop;
    test::FakeChannel channel{*util::Jid::parse("focus.example.com")};
    xmpp::IqRouter router{channel, loop};
    std::vector<std::string> deaths;
    xmpp::KeepAlive keepAlive{router,
                              channel,
                              loop,
                              {*util::Jid::parse("example.com"), Duration(10000), Duration(5000), 3},
                              [this](const std::string& why) { deaths.push_back(why); }};

    // Takes the ping sent by the keep-alive; fails the test when there is none.
    xml::Element takePing() {
        auto ping = channel.take("iq", "ping", protocol::ns::kPing);
        EXPECT_TRUE(ping.has_value()) << "no ping sent";
        return ping.value_or(xml::Element("none"));
    }
    void answer(const xml::Element& ping) {
        xml::Element reply("iq", protocol::ns::kClient);
        reply.setAttr("type", "result");
        reply.setAttr("id", ping.attr("id"));
        reply.setAttr("from", ping.attr("to"));
        router.handle(reply);
    }
};

}  // namespace

TEST_F(KeepAliveTest, PingsTheTargetEveryInterval) {
    keepAlive.start();
    loop.advance(Duration(9999));
    EXPECT_TRUE(channel.sent().empty());
    loop.advance(Duration(1));
    auto ping = takePing();
    EXPECT_EQ("example.com", ping.attr("to"));
    EXPECT_EQ("get", ping.attr("type"));
    answer(ping);
    loop.advance(Duration(10000));
    answer(takePing());
    EXPECT_TRUE(deaths.empty());
}

TEST_F(KeepAliveTest, ThreeUnansweredPingsDeclareTheStreamDead) {
    keepAlive.start();
    loop.advance(Duration(10000));
    for (int i = 0; i < 3; ++i) {
        takePing();
        EXPECT_TRUE(deaths.empty()) << "after " << i << " failures";
        loop.advance(Duration(5000));             // the ping times out
        if (i < 2) loop.advance(Duration(5000));  // the next one goes out
    }
    ASSERT_EQ(1u, deaths.size());
    EXPECT_NE(std::string::npos, deaths[0].find("example.com"));
    // The count starts over: the next stream gets three chances again.
    EXPECT_EQ(0, keepAlive.consecutiveFailures());
}

TEST_F(KeepAliveTest, AnAnswerResetsTheCount) {
    keepAlive.start();
    loop.advance(Duration(10000));
    for (int round = 0; round < 5; ++round) {
        // Two silent rounds, then an answer: never three in a row.
        for (int silent = 0; silent < 2; ++silent) {
            takePing();
            loop.advance(Duration(10000));
        }
        EXPECT_EQ(2, keepAlive.consecutiveFailures());
        answer(takePing());
        EXPECT_EQ(0, keepAlive.consecutiveFailures());
        loop.advance(Duration(10000));
    }
    EXPECT_TRUE(deaths.empty());
}

TEST_F(KeepAliveTest, AnErrorReplyIsASignOfLife) {
    keepAlive.start();
    for (int i = 0; i < 4; ++i) {
        loop.advance(Duration(10000));
        auto ping = takePing();
        xml::Element reply("iq", protocol::ns::kClient);
        reply.setAttr("type", "error");
        reply.setAttr("id", ping.attr("id"));
        reply.setAttr("from", "example.com");
        reply.addChild("error", protocol::ns::kClient)
            .addChild("service-unavailable", protocol::ns::kStanzas);
        router.handle(reply);
    }
    EXPECT_TRUE(deaths.empty());
}

TEST_F(KeepAliveTest, NoPingsWhileDisconnected) {
    keepAlive.start();
    channel.setConnected(false);
    loop.advance(Duration(60000));
    EXPECT_TRUE(channel.sent().empty());
    EXPECT_TRUE(deaths.empty());
}

TEST_F(KeepAliveTest, StopCancelsTheTimer) {
    keepAlive.start();
    keepAlive.stop();
    loop.advance(Duration(60000));
    EXPECT_TRUE(channel.sent().empty());
}

TEST(KeepAliveDisabled, ZeroIntervalSendsNothing) {
    test::ManualLoop loop;
    test::FakeChannel channel(*util::Jid::parse("focus.example.com"));
    xmpp::IqRouter router(channel, loop);
    xmpp::KeepAlive ka(router, channel, loop,
                       {*util::Jid::parse("example.com"), Duration(0), Duration(5000), 3}, nullptr);
    ka.start();
    loop.advance(Duration(100000));
    EXPECT_TRUE(channel.sent().empty());
    EXPECT_EQ(0u, loop.timerCount());
}

TEST(KeepAliveLifetime, DestroyedWhilePingPendingIsSafe) {
    test::ManualLoop loop;
    test::FakeChannel channel(*util::Jid::parse("focus.example.com"));
    xmpp::IqRouter router(channel, loop);
    {
        xmpp::KeepAlive ka(
            router, channel, loop, {*util::Jid::parse("example.com"), Duration(10), Duration(50), 1},
            [](const std::string&) { FAIL() << "dead handler of a destroyed keep-alive ran"; });
        ka.start();
        loop.advance(Duration(10));
        ASSERT_EQ(1u, router.pendingCount());
    }
    loop.advance(Duration(100));  // the pending ping times out after the keep-alive is gone
    EXPECT_EQ(0u, router.pendingCount());
}

TEST(PingResponder, AnswersPingWithAnEmptyResult) {
    test::ManualLoop loop;
    test::FakeChannel channel(*util::Jid::parse("focus.example.com"));
    xmpp::IqRouter router(channel, loop);
    xmpp::installPingResponder(router);
    xml::Element ping("iq", protocol::ns::kClient);
    ping.setAttr("type", "get");
    ping.setAttr("id", "p1");
    ping.setAttr("from", "example.com");
    ping.setAttr("to", "focus.example.com");
    ping.addChild("ping", protocol::ns::kPing);
    router.handle(ping);
    auto reply = channel.take("iq");
    ASSERT_TRUE(reply);
    EXPECT_EQ("result", reply->attr("type"));
    EXPECT_EQ("p1", reply->attr("id"));
    EXPECT_EQ("example.com", reply->attr("to"));
    EXPECT_TRUE(reply->children().empty());
}
