// The simulator's stats answer (2015 stat names plus the <live> listing tests read), the control IQ of
// the failure switches, and the ICE/DTLS values the transports carry.
#include "bridgesim/BridgeStats.h"
#include "bridgesim/ControlIq.h"
#include "unit/bridgesim/BridgeTestUtil.h"
#include "xml/Document.h"

using namespace jicofo;
using namespace jicofo::protocol;

namespace {

class BridgeSimStats : public test::BridgeTest {};

TEST_F(BridgeSimStats, CountsConferencesChannelsParticipantsAndStreams) {
    auto first = allocate("aa11");
    allocate("bb22", first.id);
    allocate("cc33", first.id, {}, 1);
    allocate("zz99");  // a second conference
    auto stats = colibri::Stats::parse(bridgesim::statsAnswer(*bridge_));
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->number("conferences"), 2);
    EXPECT_EQ(stats->number("participants"), 4);
    EXPECT_EQ(stats->number("channels"), 12);
    EXPECT_EQ(stats->number("audiochannels"), 4);
    EXPECT_EQ(stats->number("videochannels"), 4);
    // aa11 and bb22 each receive the two others, cc33 (last-n 1) one, zz99 none.
    EXPECT_EQ(stats->number("videostreams"), 5);
    EXPECT_EQ(*stats->get("graceful_shutdown"), "false");
    for (const char* name : {"bitrate_download", "bitrate_upload", "cpu_usage", "current_timestamp",
                             "rtp_loss", "threads", "total_memory", "used_memory"})
        EXPECT_TRUE(stats->get(name)) << name;
}

TEST_F(BridgeSimStats, ListingNamesEveryLiveConferenceAndChannel) {
    auto resp = allocate("aa11");
    xml::Element answer = bridgesim::statsAnswer(*bridge_);
    const xml::Element* live = answer.child("live", bridgesim::kBridgeSimNs);
    ASSERT_TRUE(live);
    EXPECT_EQ(live->attr("channels"), "3");

    // Through text and back, as a test client reads it.
    auto reparsed = xml::parseElement(answer.toString());
    ASSERT_TRUE(reparsed);
    auto listing = bridgesim::LiveListing::parse(*reparsed->child("live", bridgesim::kBridgeSimNs));
    ASSERT_TRUE(listing) << listing.error().text;
    ASSERT_EQ(listing->conferences.size(), 1u);
    const auto& conf = listing->conferences[0];
    EXPECT_EQ(conf.id, resp.id);
    EXPECT_EQ(conf.name, "r1");
    EXPECT_EQ(conf.focus, focus_.str());
    ASSERT_EQ(conf.channels.size(), 3u);
    const auto& audio = conf.channels[0];
    EXPECT_EQ(audio.id, resp.content("audio")->channels[0].id);
    EXPECT_EQ(audio.endpoint, "aa11");
    EXPECT_EQ(audio.bundleId, "aa11");
    EXPECT_EQ(audio.direction, "sendrecv");
    EXPECT_EQ(audio.expire, 60u);
    EXPECT_EQ(audio.bridgeSsrc, *resp.content("audio")->channels[0].sources[0].ssrc);
    EXPECT_EQ(audio.payloadTypes.size(), 9u);  // the offer template's audio payload types
    EXPECT_TRUE(conf.channels[2].sctp);
    EXPECT_EQ(conf.channels[2].port, 5000);
    ASSERT_EQ(conf.bundles.size(), 1u);
    EXPECT_EQ(conf.bundles[0].ufrag, resp.channelBundles[0].transport->ufrag);
    EXPECT_EQ(listing->toElement(), *reparsed->child("live", bridgesim::kBridgeSimNs));
}

TEST(BridgeSimControl, SwitchesChangeOnlyWhatIsGiven) {
    bridgesim::FailureSwitches s;
    xml::Element e("control", bridgesim::kBridgeSimNs);
    e.setAttr("refuse-allocations", "true");
    e.setAttr("delay-ms", "250");
    auto req = bridgesim::ControlRequest::parse(e);
    ASSERT_TRUE(req);
    req->applyTo(s);
    EXPECT_TRUE(s.refuseAllocations);
    EXPECT_EQ(s.delayMs, 250u);
    EXPECT_FALSE(s.silent);
    EXPECT_EQ(s.refuseCondition, "service-unavailable");

    auto back = bridgesim::parseSwitches(bridgesim::describeSwitches(s));
    ASSERT_TRUE(back);
    EXPECT_TRUE(back->refuseAllocations);
    EXPECT_EQ(back->delayMs, 250u);

    bridgesim::ControlRequest d;
    d.disconnect = true;
    d.reconnectAfterMs = -1;
    auto parsed = bridgesim::ControlRequest::parse(d.toElement());
    ASSERT_TRUE(parsed);
    EXPECT_TRUE(parsed->disconnect);
    EXPECT_EQ(parsed->reconnectAfterMs, -1);
}

TEST(BridgeSimControl, BadValuesAreBadRequest) {
    for (auto [name, value] : {std::pair{"silent", "maybe"}, std::pair{"delay-ms", "-5"},
                               std::pair{"refuse-condition", ""}, std::pair{"reconnect-after-ms", "x"}}) {
        xml::Element e("control", bridgesim::kBridgeSimNs);
        e.setAttr(name, value);
        auto req = bridgesim::ControlRequest::parse(e);
        ASSERT_FALSE(req) << name;
        EXPECT_EQ(req.error().condition, "bad-request");
    }
}

TEST(BridgeSimControl, AllocationsAreRequestsThatCreate) {
    colibri::ColibriConference create;
    EXPECT_TRUE(bridgesim::isAllocation(create));
    colibri::ColibriConference update;
    update.id = "abc";
    colibri::Channel known;
    known.id = "c1";
    update.getOrAddContent("audio").channels.push_back(known);
    EXPECT_FALSE(bridgesim::isAllocation(update));
    colibri::Channel expireNew;
    expireNew.expire = 0;
    update.getOrAddContent("video").channels.push_back(expireNew);
    EXPECT_FALSE(bridgesim::isAllocation(update));
    update.getOrAddContent("data").sctpConnections.push_back(colibri::SctpConnection{});
    EXPECT_TRUE(bridgesim::isAllocation(update));
}

TEST(BridgeSimTransport, IcePrioritiesAndDistinctPorts) {
    EXPECT_EQ(bridgesim::TransportFactory::hostPriority(false, 1), 2130706431u);
    EXPECT_EQ(bridgesim::TransportFactory::hostPriority(false, 2), 2130706430u);
    EXPECT_EQ(bridgesim::TransportFactory::hostPriority(true, 1), 1694498815u);
    bridgesim::BridgeConfig config;
    config.tcpPort = 0;
    bridgesim::TransportFactory f(config);
    auto a = f.create(jingle::Transport::Kind::IceUdp, 2, false);
    auto b = f.create(jingle::Transport::Kind::IceUdp, 1, true);
    ASSERT_EQ(a.candidates.size(), 2u);
    EXPECT_EQ(a.candidates[0].port, 10000);
    EXPECT_EQ(a.candidates[1].port, 10001);
    EXPECT_EQ(b.candidates[0].port, 10002);
    EXPECT_NE(a.ufrag, b.ufrag);
    EXPECT_EQ(a.fingerprints[0].value, b.fingerprints[0].value);  // one certificate per bridge
    EXPECT_TRUE(b.rtcpMux);
}

}  // namespace
