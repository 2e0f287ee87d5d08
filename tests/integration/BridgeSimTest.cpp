// The bridge simulator as its own process behind a real Prosody, seen by a test client: the 2015 bridge's
// disco#info, an allocation and its expiry, the stats and listing, each failure switch (from the command
// line and at run time), the sweep of idle channels, a bridge that vanishes.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "media/OfferFactory.h"
#include "protocol/colibri/ColibriRequests.h"
#include "protocol/colibri/ParticipantChannels.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/stanza/Namespaces.h"
#include "support/BridgeSimProcess.h"
#include "support/ProsodyFixture.h"
#include "support/TestClient.h"

using namespace jicofo;
using namespace jicofo::protocol;
using test::BridgeSimProcess;

namespace {

class BridgeSimTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { prosody_ = std::make_unique<test::ProsodyFixture>(); }
    static void TearDownTestSuite() { prosody_.reset(); }

    std::unique_ptr<BridgeSimProcess> startBridge(std::vector<std::string> args = {}) {
        BridgeSimProcess::Options o;
        o.extraArgs = std::move(args);
        auto b = std::make_unique<BridgeSimProcess>(*prosody_, o);
        EXPECT_TRUE(b->waitReady()) << b->log() << prosody_->logTail();
        return b;
    }
    // The reply to an IQ to the bridge, or nullopt when none came in time.
    std::optional<Iq> ask(const BridgeSimProcess& b, IqType type, xml::Element payload,
                          util::Duration timeout = util::Duration(5000)) {
        Iq iq = Iq::request(type, b.jid(), std::move(payload));
        client_->send(iq.toElement());
        auto reply = client_->waitFor(test::TestEndpoint::iqResponse(iq.id), timeout);
        if (!reply) return std::nullopt;
        auto parsed = Iq::parse(*reply);
        EXPECT_TRUE(parsed);
        return parsed ? std::optional<Iq>(*parsed) : std::nullopt;
    }
    std::optional<Iq> disco(const BridgeSimProcess& b, util::Duration timeout = util::Duration(5000)) {
        return ask(b, IqType::Get, xml::Element("query", ns::kDiscoInfo), timeout);
    }
    std::optional<Iq> allocate(const BridgeSimProcess& b, const std::string& endpoint,
                               const std::string& conferenceId = {},
                               util::Duration timeout = util::Duration(5000)) {
        colibri::AllocateOptions o;
        o.conferenceId = conferenceId;
        o.conferenceName = "r1";
        o.endpoint = endpoint;
        auto req = colibri::buildAllocate(media::OfferFactory::createTemplate({}), o);
        return ask(b, IqType::Get, req.toElement(), timeout);
    }
    static colibri::ColibriConference conferenceOf(const std::optional<Iq>& reply) {
        EXPECT_TRUE(reply && reply->type == IqType::Result && reply->payload);
        auto c = colibri::ColibriConference::parse(*reply->payload);
        EXPECT_TRUE(c);
        return c ? *c : colibri::ColibriConference{};
    }

    void SetUp() override { client_ = test::TestClient::anonymous(*prosody_); }

    static std::unique_ptr<test::ProsodyFixture> prosody_;
    std::unique_ptr<test::TestClient> client_;
};

std::unique_ptr<test::ProsodyFixture> BridgeSimTest::prosody_;

TEST_F(BridgeSimTest, DiscoAllocateExpireAndListing) {
    auto bridge = startBridge();
    auto info = disco(*bridge);
    ASSERT_TRUE(info && info->type == IqType::Result);
    auto parsed = DiscoInfo::parse(*info->payload);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->identities.at(0), (DiscoIdentity{"component", "conference", "JitsiVideobridge"}));
    for (const char* f : {"http://jitsi.org/protocol/colibri", "urn:xmpp:jingle:apps:dtls:0",
                          "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:jingle:transports:raw-udp:1"})
        EXPECT_TRUE(parsed->hasFeature(f)) << f;

    auto conf = conferenceOf(allocate(*bridge, "aa11"));
    auto channels = colibri::ParticipantChannels::fromAllocateResponse(conf, "aa11");
    ASSERT_TRUE(channels) << channels.error().text;
    ASSERT_TRUE(channels->bundle && channels->bundle->transport);
    EXPECT_EQ(channels->bundle->transport->candidates.at(0).ip, "127.0.0.1");

    auto listing = bridge->listing(*client_);
    ASSERT_EQ(listing.conferences.size(), 1u);
    EXPECT_EQ(listing.conferences[0].id, conf.id);
    EXPECT_EQ(listing.conferences[0].focus, client_->jid().str());  // bound to the requester's full JID
    EXPECT_EQ(listing.conferences[0].channelsOf("aa11").size(), 3u);
    auto stats = bridge->stats(*client_);
    EXPECT_EQ(stats.number("conferences"), 1);
    EXPECT_EQ(stats.number("channels"), 3);
    EXPECT_EQ(stats.number("participants"), 1);

    auto expire = colibri::buildExpire(conf.id, "r1", {*channels});
    auto expired = ask(*bridge, IqType::Set, expire->toElement());
    ASSERT_TRUE(expired && expired->type == IqType::Result);
    EXPECT_EQ(bridge->listing(*client_).channelCount(), 0u);

    // An unknown conference id gets the 2015 error.
    xml::Element unknown("conference", ns::kColibri);
    unknown.setAttr("id", "0123456789abcdef");
    auto error = ask(*bridge, IqType::Set, unknown);
    ASSERT_TRUE(error && error->error);
    EXPECT_EQ(error->error->condition, "feature-not-implemented");
}

TEST_F(BridgeSimTest, RefuseAllocationsFromTheStartAndAtRunTime) {
    auto bridge = startBridge({"--refuse-allocations", "--refuse-condition=internal-server-error"});
    auto refused = allocate(*bridge, "aa11");
    ASSERT_TRUE(refused && refused->error);
    EXPECT_EQ(refused->error->condition, "internal-server-error");
    EXPECT_TRUE(disco(*bridge));  // the bridge is there, it just refuses

    bridgesim::ControlRequest off;
    off.refuseAllocations = false;
    EXPECT_FALSE(bridge->control(*client_, off).refuseAllocations);
    auto conf = conferenceOf(allocate(*bridge, "aa11"));

    bridgesim::ControlRequest on;
    on.refuseAllocations = true;
    bridge->control(*client_, on);
    auto second = allocate(*bridge, "bb22", conf.id);
    ASSERT_TRUE(second && second->error);
    EXPECT_EQ(bridge->listing(*client_).channelCount(), 3u);
}

TEST_F(BridgeSimTest, SilentBridgeAnswersOnlyTheControlIq) {
    auto bridge = startBridge({"--silent"});
    EXPECT_FALSE(disco(*bridge, util::Duration(700)));
    EXPECT_FALSE(allocate(*bridge, "aa11", {}, util::Duration(300)));
    bridgesim::ControlRequest talk;
    talk.silent = false;
    EXPECT_FALSE(bridge->control(*client_, talk).silent);
    EXPECT_TRUE(disco(*bridge));
    EXPECT_EQ(bridge->listing(*client_).conferences.size(), 0u);  // the swallowed allocation did nothing
}

TEST_F(BridgeSimTest, SlowBridgeAnswersLate) {
    auto bridge = startBridge({"--delay-ms=400"});
    auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(disco(*bridge));
    EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(400));

    bridgesim::ControlRequest fast;
    fast.delayMs = 0;
    bridge->control(*client_, fast);
    t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(disco(*bridge));
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(400));
}

TEST_F(BridgeSimTest, DisconnectAndComeBackWithItsConferences) {
    auto bridge = startBridge();
    auto conf = conferenceOf(allocate(*bridge, "aa11"));
    bridgesim::ControlRequest drop;
    drop.disconnect = true;
    drop.reconnectAfterMs = 800;
    bridge->control(*client_, drop);
    // While it is away the server answers for it with an error.
    std::optional<Iq> away;
    for (int i = 0; i < 20 && !(away && away->type == IqType::Error); ++i) away = disco(*bridge);
    ASSERT_TRUE(away && away->type == IqType::Error) << bridge->log();
    ASSERT_TRUE(bridge->waitReady(2)) << bridge->log();
    auto back = disco(*bridge);
    ASSERT_TRUE(back && back->type == IqType::Result);
    auto listing = bridge->listing(*client_);
    ASSERT_EQ(listing.conferences.size(), 1u);
    EXPECT_EQ(listing.conferences[0].id, conf.id);
}

TEST_F(BridgeSimTest, DisconnectAtStartUpAndStayAway) {
    auto bridge = startBridge({"--disconnect-after-ms=300", "--reconnect-after-ms=-1"});
    ASSERT_TRUE(bridge->process().waitForLog("bridgesim: disconnected", 5000)) << bridge->log();
    auto reply = disco(*bridge);
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->type, IqType::Error);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_FALSE(bridge->waitReady(2, 10));
    EXPECT_TRUE(bridge->running());
}

TEST_F(BridgeSimTest, IdleChannelsAreSweptAway) {
    auto bridge = startBridge({"--expire=1", "--sweep-interval-ms=100"});
    auto conf = conferenceOf(allocate(*bridge, "aa11"));
    EXPECT_EQ(conf.content("audio")->channels.at(0).expire, 1u);
    bridgesim::LiveListing last;
    EXPECT_TRUE(bridge->waitListing(
        *client_, [](const auto& l) { return l.conferences.empty(); }, 5000, &last))
        << last.toElement().toString();
}

TEST_F(BridgeSimTest, AKilledBridgeIsGoneFromTheServer) {
    auto bridge = startBridge();
    ASSERT_TRUE(disco(*bridge));
    bridge->kill();
    std::optional<Iq> reply;
    for (int i = 0; i < 20 && !(reply && reply->type == IqType::Error); ++i) {
        reply = disco(*bridge, util::Duration(1000));
        if (!reply) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->type, IqType::Error);
}

}  // namespace
