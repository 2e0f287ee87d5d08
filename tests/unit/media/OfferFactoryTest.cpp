// The focus's offer (docs/media.md §3.2) from its template, the bridge allocation and the peers' sources; the
// 2015 BundleTest checks; start muted; features.
#include <gtest/gtest.h>

#include "media/OfferFactory.h"
#include "media/SourceMap.h"
#include "protocol/colibri/ParticipantChannels.h"
#include "support/ClientSamples.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;
using namespace jicofo::protocol::jingle;
using namespace jicofo::media;

namespace {

const std::string kFocus = "focus@auth.example.com/focus4";
const std::string kB = "r1@conference.example.com/bb22";

// Features advertised by lib-jitsi-meet 1.0.6 (samples/lib-jitsi-meet-1.0.6/disco-info-result.xml).
const std::vector<std::string>& kClientFeatures = test::clientFeatures2015();

colibri::ParticipantChannels allocation(const std::string& golden, const std::string& endpoint) {
    auto pc = colibri::ParticipantChannels::fromAllocateResponse(test::goldenConference(golden), endpoint);
    EXPECT_TRUE(pc) << (pc ? "" : pc.error().text);
    return pc ? *pc : colibri::ParticipantChannels{};
}

OfferFactory::OfferParams params(const colibri::ParticipantChannels& pc, bool bundle,
                                 MediaSources peers = {}) {
    OfferFactory::OfferParams p;
    p.sid = "3kd92hf0q1m7";
    p.initiator = kFocus;
    p.bundle = bundle;
    p.transports = pc.offerTransports();
    p.bridgeSsrcs = pc.bridgeSsrcs();
    p.peers = std::move(peers);
    return p;
}

std::vector<int> ids(const RtpDescription& d) {
    std::vector<int> out;
    for (const auto& pt : d.payloadTypes) out.push_back(pt.id);
    return out;
}

TEST(ParticipantFeatures, FromTheClientsDiscoInfo) {
    ParticipantFeatures f = ParticipantFeatures::fromDisco(kClientFeatures);
    EXPECT_TRUE(f.audio && f.video && f.sctp && f.ice && f.dtls && f.useBundle());
    EXPECT_FALSE(f.jigasi);
    ParticipantFeatures noMux = ParticipantFeatures::fromDisco({"urn:ietf:rfc:5888"});
    EXPECT_FALSE(noMux.useBundle());
    EXPECT_FALSE(noMux.audio);
    EXPECT_TRUE(ParticipantFeatures::assumed().useBundle());
}

TEST(OfferFactory, TemplateHasThe2015Codecs) {
    auto t = OfferFactory::createTemplate(ParticipantFeatures::fromDisco(kClientFeatures));
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t[0].name, "audio");
    EXPECT_EQ(ids(*t[0].description), (std::vector<int>{111, 103, 104, 0, 8, 106, 105, 13, 126}));
    EXPECT_EQ(t[0].description->maxptime, 60u);
    EXPECT_EQ(ids(*t[1].description), (std::vector<int>{100, 116, 117}));
    EXPECT_EQ(t[1].description->payloadTypes[0].rtcpFbs.size(), 4u);
    EXPECT_EQ(t[2].description->media, "application");
    EXPECT_TRUE(t[2].description->payloadTypes.empty());
    for (const auto& c : t) {
        EXPECT_EQ(c.creator, "initiator");
        EXPECT_EQ(c.senders, "both");
        ASSERT_TRUE(c.transport);
        EXPECT_EQ(c.transport->kind, Transport::Kind::IceUdp);
        ASSERT_EQ(c.transport->fingerprints.size(), 1u);
        EXPECT_EQ(c.transport->fingerprints[0].required, false);
        EXPECT_TRUE(c.transport->fingerprints[0].hash.empty());
    }
}

TEST(OfferFactory, TemplateFollowsFeaturesAndOpenSctp) {
    ParticipantFeatures f;
    EXPECT_EQ(OfferFactory::createTemplate(f, false).size(), 2u);  // openSctp=false: no data
    f.sctp = false;
    EXPECT_EQ(OfferFactory::createTemplate(f).size(), 2u);
    f.video = false;
    f.ice = false;
    f.dtls = false;
    auto t = OfferFactory::createTemplate(f);
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].name, "audio");
    EXPECT_EQ(t[0].transport->kind, Transport::Kind::RawUdp);
    EXPECT_TRUE(t[0].transport->fingerprints.empty());
}

TEST(OfferFactory, BundleOfferMatchesTheGolden) {
    SourceMap map;
    Jingle bb22 = test::goldenJingle("jingle/source-add-client-bb22.xml");
    ASSERT_TRUE(map.add(kB, MediaSources::fromContents(bb22.contents)));
    auto pc = allocation("colibri/allocate-response-bundle.xml", "aa11");
    auto tmpl = OfferFactory::createTemplate(ParticipantFeatures::fromDisco(kClientFeatures));
    auto offer =
        OfferFactory::createOffer(tmpl, params(pc, true, map.allExcept("r1@conference.example.com/aa11")));
    ASSERT_TRUE(offer) << offer.error().text;
    EXPECT_TRUE(test::sameXml(offer->toElement(), test::goldenPayload("jingle/session-initiate-bundle.xml")));
}

TEST(OfferFactory, Bundle2015Test) {
    auto pc = allocation("colibri/allocate-response-bundle.xml", "aa11");
    auto offer = OfferFactory::createOffer(OfferFactory::createTemplate({}), params(pc, true));
    ASSERT_TRUE(offer);
    ASSERT_TRUE(offer->group);
    EXPECT_EQ(offer->group->semantics, "BUNDLE");
    EXPECT_EQ(offer->group->contents, (std::vector<std::string>{"audio", "video", "data"}));
    const Transport& first = *offer->contents[0].transport;
    for (const auto& c : offer->contents) {
        EXPECT_TRUE(c.bundle) << c.name;
        EXPECT_TRUE(c.description->rtcpMux) << c.name;
        EXPECT_TRUE(c.transport->rtcpMux);
        EXPECT_EQ(c.transport->ufrag, first.ufrag);
        EXPECT_EQ(c.transport->pwd, first.pwd);
        EXPECT_EQ(c.transport->candidates.size(), 3u);
        EXPECT_TRUE(c.transport->fingerprints[0].setup.empty());
    }
    EXPECT_EQ(offer->contents[2].transport->sctpMaps.size(), 1u);
    EXPECT_FALSE(offer->startMuted);
}

TEST(OfferFactory, NonBundleOfferCarriesEachChannelsTransport) {
    auto pc = allocation("colibri/allocate-response-nobundle.xml", "cc33");
    EXPECT_FALSE(pc.bundle);
    ParticipantFeatures f;
    f.bundle = false;
    auto offer = OfferFactory::createOffer(OfferFactory::createTemplate(f), params(pc, f.useBundle()));
    ASSERT_TRUE(offer) << offer.error().text;
    EXPECT_FALSE(offer->group);
    ASSERT_EQ(offer->contents.size(), 3u);
    for (const auto& c : offer->contents) {
        EXPECT_FALSE(c.bundle);
        EXPECT_FALSE(c.description->rtcpMux);
        EXPECT_FALSE(c.transport->rtcpMux);
        EXPECT_EQ(c.transport->fingerprints[0].required, false);
        EXPECT_EQ(c.transport->fingerprints[0].hash, "sha-1");
    }
    EXPECT_EQ(offer->contents[0].transport->ufrag, "5n6o7p8q9r0s");
    EXPECT_EQ(offer->contents[0].transport->candidates.size(), 2u);  // RTP and RTCP components
    EXPECT_EQ(offer->contents[1].transport->ufrag, "6o7p8q9r0s1t");
    EXPECT_EQ(offer->contents[2].transport->sctpMaps.size(), 1u);
    EXPECT_EQ(offer->contents[1].description->sources.at(0).ssrc, 2417834529u);
}

TEST(OfferFactory, StartMutedOnlyWhenAFlagIsSet) {
    auto pc = allocation("colibri/allocate-response-bundle.xml", "aa11");
    auto p = params(pc, true);
    p.startMuted = StartMuted{false, false};
    EXPECT_FALSE(OfferFactory::createOffer(OfferFactory::createTemplate({}), p)->startMuted);
    p.startMuted = StartMuted{false, true};
    auto offer = OfferFactory::createOffer(OfferFactory::createTemplate({}), p);
    ASSERT_TRUE(offer->startMuted);
    xml::Element sm = *offer->toElement().child("startmuted", "http://jitsi.org/jitmeet/start-muted");
    EXPECT_EQ(sm.attr("audio"), "false");
    EXPECT_EQ(sm.attr("video"), "true");
}

TEST(OfferFactory, FailsWithoutABridgeTransport) {
    auto pc = allocation("colibri/allocate-response-bundle.xml", "aa11");
    auto p = params(pc, true);
    p.transports.erase("video");
    auto offer = OfferFactory::createOffer(OfferFactory::createTemplate({}), p);
    ASSERT_FALSE(offer);
    EXPECT_EQ(offer.error().condition, "internal-server-error");
}

}  // namespace
