// The simulator's XMPP behaviour on a fake stream and a manual clock: disco#info as the 2015 bridge,
// Colibri through the core, stats with the listing, the control IQ and each failure switch, the sweep
// timer, PubSub stats publishing. Also the program's flags.
#include <gtest/gtest.h>

#include "bridgesim/BridgeSimulator.h"
#include "bridgesim/LiveListing.h"
#include "bridgesim/SimFlags.h"
#include "media/ColibriUpdates.h"
#include "media/OfferFactory.h"
#include "protocol/colibri/ColibriRequests.h"
#include "protocol/colibri/Stats.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/stanza/Namespaces.h"
#include "support/FakeChannel.h"
#include "support/ManualLoop.h"

using namespace jicofo;
using namespace jicofo::protocol;

namespace {

const util::Jid kBridge = *util::Jid::parse("jitsi-videobridge.example.com");
const util::Jid kFocus = *util::Jid::parse("focus@auth.example.com/focus4");

class BridgeSimSimulator : public ::testing::Test {
  protected:
    void SetUp() override { make(); }
    void make() {
        sim_.reset();
        sim_ = std::make_unique<bridgesim::BridgeSimulator>(channel_, loop_, options_);
        sim_->setDisconnectHandler([this](int64_t after) { disconnects_.push_back(after); });
        sim_->start();
        sim_->onConnected(kBridge);
    }
    // Delivers an IQ from the focus and returns what the simulator sent back (nullopt: nothing).
    std::optional<Iq> ask(IqType type, xml::Element payload) {
        Iq iq = Iq::request(type, kBridge, std::move(payload));
        iq.from = kFocus;
        sim_->onStanza(iq.toElement());
        loop_.runPending();
        auto sent = channel_.take("iq");
        if (!sent) return std::nullopt;
        auto parsed = Iq::parse(*sent);
        EXPECT_TRUE(parsed);
        EXPECT_EQ(parsed->id, iq.id);
        return *parsed;
    }
    xml::Element allocateRequest() {
        colibri::AllocateOptions o;
        o.conferenceName = "r1";
        o.endpoint = "aa11";
        return colibri::buildAllocate(media::OfferFactory::createTemplate({}), o).toElement();
    }
    xml::Element control(std::initializer_list<std::pair<const char*, const char*>> attrs) {
        xml::Element e("control", bridgesim::kBridgeSimNs);
        for (auto [n, v] : attrs) e.setAttr(n, v);
        return e;
    }

    test::FakeChannel channel_{kBridge};
    test::ManualLoop loop_;
    bridgesim::BridgeSimulator::Options options_;
    std::unique_ptr<bridgesim::BridgeSimulator> sim_;
    std::vector<int64_t> disconnects_;
};

TEST_F(BridgeSimSimulator, DiscoInfoIsThe2015Bridge) {
    auto reply = ask(IqType::Get, xml::Element("query", ns::kDiscoInfo));
    ASSERT_TRUE(reply && reply->type == IqType::Result);
    auto info = DiscoInfo::parse(*reply->payload);
    ASSERT_TRUE(info);
    ASSERT_EQ(info->identities.size(), 1u);
    EXPECT_EQ(info->identities[0], (DiscoIdentity{"component", "conference", "JitsiVideobridge"}));
    for (const char* f : {"http://jitsi.org/protocol/colibri", "urn:xmpp:jingle:apps:dtls:0",
                          "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:jingle:transports:raw-udp:1",
                          "jabber:iq:version"})
        EXPECT_TRUE(info->hasFeature(f)) << f;
    auto ping = ask(IqType::Get, xml::Element("ping", ns::kPing));
    ASSERT_TRUE(ping);
    EXPECT_EQ(ping->type, IqType::Result);
    auto version = ask(IqType::Get, xml::Element("query", "jabber:iq:version"));
    ASSERT_TRUE(version && version->payload);
    EXPECT_EQ(version->payload->child("name")->text(), "JitsiVideobridge");
}

TEST_F(BridgeSimSimulator, AllocateStatsAndExpireOverIq) {
    auto reply = ask(IqType::Get, allocateRequest());
    ASSERT_TRUE(reply && reply->type == IqType::Result);
    auto conf = colibri::ColibriConference::parse(*reply->payload);
    ASSERT_TRUE(conf);
    auto stats = ask(IqType::Get, xml::Element("stats", ns::kColibri));
    ASSERT_TRUE(stats && stats->payload);
    auto listing = bridgesim::LiveListing::parse(*stats->payload->child("live", bridgesim::kBridgeSimNs));
    ASSERT_TRUE(listing);
    EXPECT_EQ(listing->conferences.at(0).id, conf->id);
    EXPECT_EQ(listing->channelCount(), 3u);

    auto channels = colibri::ParticipantChannels::fromAllocateResponse(*conf, "aa11");
    auto expire = colibri::buildExpire(conf->id, "r1", {*channels});
    auto expired = ask(IqType::Set, expire->toElement());
    ASSERT_TRUE(expired && expired->type == IqType::Result);
    EXPECT_EQ(sim_->bridge().channelCount(), 0u);
}

TEST_F(BridgeSimSimulator, ErrorsCarryThe2015Condition) {
    xml::Element unknown("conference", ns::kColibri);
    unknown.setAttr("id", "0123456789abcdef");
    auto reply = ask(IqType::Set, unknown);
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->type, IqType::Error);
    EXPECT_EQ(reply->error->condition, "feature-not-implemented");
}

TEST_F(BridgeSimSimulator, RefuseAllocationsStillAllowsUpdates) {
    auto first = ask(IqType::Get, allocateRequest());
    auto conf = *colibri::ColibriConference::parse(*first->payload);
    auto set = ask(IqType::Set,
                   control({{"refuse-allocations", "true"}, {"refuse-condition", "internal-server-error"}}));
    ASSERT_TRUE(set && set->type == IqType::Result);
    EXPECT_EQ(set->payload->attr("refuse-allocations"), "true");

    auto refused = ask(IqType::Get, allocateRequest());
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->error->condition, "internal-server-error");
    auto channels = *colibri::ParticipantChannels::fromAllocateResponse(conf, "aa11");
    auto update = ask(IqType::Set, media::buildSourcesUpdate(channels, {}).toElement());
    EXPECT_EQ(update->type, IqType::Result);

    ask(IqType::Set, control({{"refuse-allocations", "false"}}));
    EXPECT_EQ(ask(IqType::Get, allocateRequest())->type, IqType::Result);
}

TEST_F(BridgeSimSimulator, SilentSwallowsEverythingButControl) {
    ask(IqType::Set, control({{"silent", "true"}}));
    EXPECT_FALSE(ask(IqType::Get, xml::Element("query", ns::kDiscoInfo)));
    EXPECT_FALSE(ask(IqType::Get, allocateRequest()));
    EXPECT_EQ(sim_->bridge().conferenceCount(), 0u);  // not even handled
    auto state = ask(IqType::Get, control({}));
    ASSERT_TRUE(state);
    EXPECT_EQ(state->payload->attr("silent"), "true");
    ask(IqType::Set, control({{"silent", "false"}}));
    EXPECT_TRUE(ask(IqType::Get, xml::Element("query", ns::kDiscoInfo)));
}

TEST_F(BridgeSimSimulator, DelayHoldsAnswers) {
    ask(IqType::Set, control({{"delay-ms", "500"}}));
    EXPECT_FALSE(ask(IqType::Get, allocateRequest()));
    loop_.advance(util::Duration(499));
    EXPECT_FALSE(channel_.take("iq"));
    loop_.advance(util::Duration(1));
    auto late = channel_.take("iq");
    ASSERT_TRUE(late);
    EXPECT_EQ(late->attr("type"), "result");
}

TEST_F(BridgeSimSimulator, DisconnectIsAskedAfterTheAnswer) {
    auto reply = ask(IqType::Set, control({{"disconnect", "true"}, {"reconnect-after-ms", "-1"}}));
    ASSERT_TRUE(reply && reply->type == IqType::Result);
    EXPECT_EQ(disconnects_, std::vector<int64_t>{-1});
}

TEST_F(BridgeSimSimulator, GracefulShutdownSwitch) {
    ask(IqType::Set, control({{"graceful-shutdown", "true"}}));
    auto reply = ask(IqType::Get, allocateRequest());
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->error->condition, "service-unavailable");
}

TEST_F(BridgeSimSimulator, SweepTimerExpiresIdleChannels) {
    options_.bridge.defaultExpireSeconds = 1;
    options_.sweepInterval = util::Duration(500);
    make();
    ask(IqType::Get, allocateRequest());
    loop_.advance(util::Duration(1000));
    EXPECT_EQ(sim_->bridge().conferenceCount(), 1u);
    loop_.advance(util::Duration(1000));
    EXPECT_EQ(sim_->bridge().conferenceCount(), 0u);
}

TEST_F(BridgeSimSimulator, PublishesStatsToPubSub) {
    options_.pubsub.service = "pubsub.example.com";
    options_.pubsub.node = "sharedStatsNode";
    make();
    auto create = channel_.take("iq", "pubsub", bridgesim::kPubSubNs);
    ASSERT_TRUE(create);
    EXPECT_TRUE(create->child("pubsub")->child("create"));
    EXPECT_EQ(create->attr("to"), "pubsub.example.com");
    auto publish = channel_.take("iq", "pubsub", bridgesim::kPubSubNs);
    ASSERT_TRUE(publish);
    const auto* item = publish->child("pubsub")->child("publish")->child("item");
    ASSERT_TRUE(item);
    EXPECT_EQ(item->attr("id"), "jitsi-videobridge.example.com");
    auto stats = colibri::Stats::parse(*item->child("stats", ns::kColibri));
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->number("conferences"), 0);
    EXPECT_FALSE(item->child("stats")->child("live"));  // the test listing stays private
    loop_.advance(util::Duration(1000));
    EXPECT_TRUE(channel_.take("iq", "pubsub", bridgesim::kPubSubNs));
    channel_.setConnected(false);
    sim_->onDisconnected("test");
    loop_.advance(util::Duration(5000));
    EXPECT_FALSE(channel_.take("iq", "pubsub", bridgesim::kPubSubNs));
}

TEST(BridgeSimFlags, The2015FlagsAndTheTestSwitches) {
    auto f = bridgesim::parseFlags({"--host=127.0.0.1", "--port=5999", "--domain=example.com", "--secret=s3",
                                    "--apis=xmpp", "--min-port", "20000", "--max-port=20099", "--expire=5",
                                    "--refuse-allocations", "--delay-ms=20", "--reconnect-after-ms=-1",
                                    "--disconnect-after-ms=100"});
    ASSERT_TRUE(f) << f.error();
    EXPECT_EQ(f->componentJid(), "jitsi-videobridge.example.com");
    EXPECT_EQ(f->port, 5999);
    EXPECT_EQ(f->sim.bridge.firstPort, 20000);
    EXPECT_EQ(f->sim.bridge.portRange, 100);
    EXPECT_EQ(f->sim.bridge.defaultExpireSeconds, 5u);
    EXPECT_TRUE(f->sim.switches.refuseAllocations);
    EXPECT_EQ(f->sim.switches.delayMs, 20u);
    EXPECT_EQ(f->disconnectAfterMs, 100);
    EXPECT_EQ(f->reconnectAfterMs, -1);
}

TEST(BridgeSimFlags, BadFlagsNameTheProblem) {
    EXPECT_NE(bridgesim::parseFlags({"--secret=s"}).error().find("--domain"), std::string::npos);
    EXPECT_NE(bridgesim::parseFlags({"--domain=d", "--secret=s", "--port=x"}).error().find("--port"),
              std::string::npos);
    EXPECT_FALSE(bridgesim::parseFlags({"--domain=d", "--secret=s", "--bogus=1"}));
    EXPECT_TRUE(bridgesim::parseFlags({"--help"})->help);
}

}  // namespace
