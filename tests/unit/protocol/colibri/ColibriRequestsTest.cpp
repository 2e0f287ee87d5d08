// The focus's Colibri requests against the docs/media.md §2 goldens, what it keeps of an allocation, and the
// 2015 ColibriTest. The updates an answer causes are tested in unit/media/ColibriUpdatesTest.cpp.
#include <gtest/gtest.h>

#include "media/OfferFactory.h"
#include "protocol/colibri/ColibriRequests.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;
using namespace jicofo::protocol::colibri;

namespace {

ParticipantChannels channelsOf(const std::string& golden, const std::string& endpoint) {
    auto pc = ParticipantChannels::fromAllocateResponse(test::goldenConference(golden), endpoint);
    EXPECT_TRUE(pc) << (pc ? "" : pc.error().text);
    return pc ? *pc : ParticipantChannels{};
}

AllocateOptions options(const std::string& endpoint, bool bundle) {
    AllocateOptions o;
    o.conferenceName = "r1";
    o.endpoint = endpoint;
    o.bundle = bundle;
    o.simulcastMode = "REWRITING";
    return o;
}

TEST(ColibriAllocate, BundleRequestMatchesTheGolden) {
    auto tmpl = media::OfferFactory::createTemplate(media::ParticipantFeatures::assumed());
    ColibriConference req = buildAllocate(tmpl, options("aa11", true));
    EXPECT_TRUE(test::sameXml(req.toElement(), test::goldenPayload("colibri/allocate-request-bundle.xml")));
}

TEST(ColibriAllocate, NonBundleLaterAllocationCarriesIdAndTemplateTransports) {
    media::ParticipantFeatures f;
    f.ice = false;  // raw-UDP client: the template transport tells the bridge the namespace
    auto tmpl = media::OfferFactory::createTemplate(f);
    AllocateOptions o = options("cc33", false);
    o.conferenceId = "5a1f0c93be27d4e1";
    o.lastN = 5;
    o.adaptiveLastN = false;
    ColibriConference req = buildAllocate(tmpl, o);
    EXPECT_EQ(req.id, "5a1f0c93be27d4e1");
    EXPECT_TRUE(req.channelBundles.empty());
    ASSERT_EQ(req.contents.size(), 3u);
    const Channel& audio = req.contents[0].channels.at(0);
    EXPECT_TRUE(audio.channelBundleId.empty());
    ASSERT_TRUE(audio.transport);
    EXPECT_EQ(audio.transport->kind, jingle::Transport::Kind::RawUdp);
    EXPECT_EQ(audio.lastN, 5);
    EXPECT_EQ(audio.adaptiveLastN, false);
    EXPECT_FALSE(audio.expire);
    EXPECT_TRUE(audio.direction.empty());
    EXPECT_TRUE(audio.sources.empty());
    EXPECT_FALSE(audio.adaptiveSimulcast);
    const SctpConnection& data = req.contents[2].sctpConnections.at(0);
    EXPECT_EQ(data.endpoint, "cc33");
    EXPECT_EQ(data.initiator, true);
    EXPECT_TRUE(data.transport);
}

TEST(ColibriAllocate, ResponseKeepsOnlyTheParticipantsOwnBundle) {
    ParticipantChannels pc = channelsOf("colibri/allocate-response-bundle.xml", "aa11");
    EXPECT_EQ(pc.conferenceId, "5a1f0c93be27d4e1");
    ASSERT_TRUE(pc.bundle);
    EXPECT_EQ(pc.bundleId(), "aa11");
    EXPECT_EQ(pc.contents.size(), 3u);
    EXPECT_EQ(pc.channel("audio")->id, "3e9b7d01c2a4f856");
    EXPECT_EQ(pc.sctpConnection("data")->id, "71c0aa5e9d3b2f48");
    EXPECT_EQ(pc.channel("data"), nullptr);
    auto ssrcs = pc.bridgeSsrcs();
    EXPECT_EQ(ssrcs.at("audio"), 3015264817u);
    EXPECT_EQ(ssrcs.at("video"), 2417834529u);
    EXPECT_EQ(ssrcs.count("data"), 0u);
    auto transports = pc.offerTransports();
    ASSERT_EQ(transports.size(), 3u);
    EXPECT_EQ(transports.at("data").ufrag, "b4mcr1a0nf3v0q");  // the bundle transport everywhere
}

TEST(ColibriAllocate, BadResponsesAreRefused) {
    ColibriConference good = test::goldenConference("colibri/allocate-response-bundle.xml");
    ColibriConference noId = good;
    noId.id.clear();
    EXPECT_FALSE(ParticipantChannels::fromAllocateResponse(noId, "aa11"));
    ColibriConference noBundle = good;
    noBundle.channelBundles.erase(noBundle.channelBundles.begin());
    auto r = ParticipantChannels::fromAllocateResponse(noBundle, "aa11");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().text.find("channel-bundle aa11"), std::string::npos);
    EXPECT_FALSE(ParticipantChannels::fromAllocateResponse(good, "zz99"));  // nothing for that endpoint
}

TEST(Colibri2015, TwoBundleEndpointsThreeChannelsEachAndExpireOne) {
    ColibriConference resp = test::goldenConference("colibri/allocate-response-bundle.xml");
    // The bridge's answer to bb22's allocation: its own channels, and again every bundle.
    ColibriConference resp2 = resp;
    for (auto& c : resp2.contents) {
        for (auto& ch : c.channels) {
            ch.endpoint = ch.channelBundleId = "bb22";
            ch.id += "b";
        }
        for (auto& s : c.sctpConnections) {
            s.endpoint = s.channelBundleId = "bb22";
            s.id += "b";
        }
    }
    auto a = ParticipantChannels::fromAllocateResponse(resp, "aa11");
    auto b = ParticipantChannels::fromAllocateResponse(resp2, "bb22");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(b->bundleId(), "bb22");
    for (const auto* p : {&*a, &*b}) {
        size_t channels = 0;
        for (const auto& c : p->contents) channels += c.channels.size() + c.sctpConnections.size();
        EXPECT_EQ(channels, 3u);
    }
    auto expire = buildExpire(a->conferenceId, "r1", {*a});
    ASSERT_TRUE(expire);
    EXPECT_TRUE(test::sameXml(expire->toElement(), test::goldenPayload("colibri/expire.xml")));
    auto both = buildExpire(a->conferenceId, "r1", {*a, *b});
    ASSERT_TRUE(both);
    EXPECT_EQ(both->content("video")->channels.size(), 2u);
    EXPECT_FALSE(buildExpire(a->conferenceId, "r1", {}));
}

TEST(ColibriUpdate, AudioMuteAndUnmute) {
    ParticipantChannels pc = channelsOf("colibri/allocate-response-bundle.xml", "aa11");
    auto mute = buildAudioMute(pc, "r1", true);
    ASSERT_TRUE(mute);
    EXPECT_TRUE(test::sameXml(mute->toElement(), test::goldenPayload("colibri/mute.xml")));
    auto unmute = buildAudioMute(pc, "r1", false);
    ASSERT_TRUE(unmute);
    EXPECT_FALSE(unmute->contents.at(0).channels.at(0).toElement().hasAttr("direction"));
    ParticipantChannels videoOnly = pc;
    videoOnly.contents.erase(videoOnly.contents.begin());
    EXPECT_FALSE(buildAudioMute(videoOnly, "r1", true));
}

}  // namespace
