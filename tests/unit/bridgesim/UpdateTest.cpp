// Updates on the simulated bridge as the focus sends them after a session-accept, a transport-info, a
// source change and a mute (docs/media.md §2.4): whole-set sources, accumulated ICE candidates, payload
// types, direction with the 2015 "any update unmutes" quirk.
#include "bridgesim/BridgeStats.h"
#include "media/ColibriUpdates.h"
#include "unit/bridgesim/BridgeTestUtil.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;

namespace {

class BridgeSimUpdate : public test::BridgeTest {
  protected:
    void SetUp() override {
        BridgeTest::SetUp();
        channels_ = channelsOf(allocate("aa11"), "aa11");
    }
    const bridgesim::LiveChannel& live(const std::string& content) {
        listing_ = bridgesim::snapshot(*bridge_);
        const auto* conf = listing_.byId(channels_.conferenceId);
        EXPECT_TRUE(conf);
        for (const auto& c : conf->channels)
            if (c.endpoint == "aa11" && c.content == content) return c;
        ADD_FAILURE() << "no " << content << " channel";
        static bridgesim::LiveChannel none;
        return none;
    }
    void sendOk(const colibri::ColibriConference& req) {
        auto resp = request(req);
        ASSERT_TRUE(resp) << resp.error().condition << ": " << resp.error().text;
    }
    jingle::MediaSources sourcesWithVideo(std::vector<uint32_t> video, bool sim) {
        jingle::MediaSources s;
        s.at("audio").sources.push_back(jingle::Source::make(1081930371));
        for (uint32_t v : video) s.at("video").sources.push_back(jingle::Source::make(v));
        if (sim) s.at("video").groups.push_back(jingle::SourceGroup{"SIM", video, {}});
        return s;
    }

    colibri::ParticipantChannels channels_;
    bridgesim::LiveListing listing_;
};

TEST_F(BridgeSimUpdate, SessionAcceptSetsSourcesTransportAndPayloadTypes) {
    auto accept = test::goldenJingle("jingle/session-accept-2015.xml");
    auto sources = jingle::MediaSources::fromContents(accept.contents);
    auto updates = media::buildAcceptUpdates(channels_, "r1", accept, sources);
    sendOk(updates.sources);
    ASSERT_TRUE(updates.transport);
    sendOk(*updates.transport);
    ASSERT_TRUE(updates.payloadTypes);
    sendOk(*updates.payloadTypes);

    EXPECT_EQ(live("audio").ssrcs, (std::vector<uint32_t>{1081930371}));
    EXPECT_EQ(live("video").ssrcs, (std::vector<uint32_t>{2945130167u, 3645473245u}));
    EXPECT_EQ(live("video").simulcastLayers, (std::vector<uint32_t>{2945130167u, 3645473245u}));
    EXPECT_EQ(live("audio").payloadTypes, (std::vector<int>{111, 103, 0, 126}));
    EXPECT_EQ(live("video").payloadTypes, (std::vector<int>{100, 116, 117}));
    const auto* bundle = &listing_.byId(channels_.conferenceId)->bundles.at(0);
    EXPECT_EQ(bundle->remoteUfrag, "Zq4k");
    // The session-accept of 2015 carried no candidates: no ICE yet, so no media.
    EXPECT_EQ(bundle->remoteCandidates, 0u);
    EXPECT_FALSE(live("audio").media);
}

TEST_F(BridgeSimUpdate, SourcesAreReplacedAsAWholeSetAndClearedByAnEmptySource) {
    sendOk(media::buildSourcesUpdate(channels_, sourcesWithVideo({11, 22}, true)));
    EXPECT_EQ(live("video").ssrcs, (std::vector<uint32_t>{11, 22}));
    EXPECT_EQ(live("video").groups, (std::vector<std::string>{"SIM:11,22"}));

    // Switch to one desktop SSRC, no group: the focus sends an empty SIM group, the layers go.
    sendOk(media::buildSourcesUpdate(channels_, sourcesWithVideo({33}, false)));
    EXPECT_EQ(live("video").ssrcs, (std::vector<uint32_t>{33}));
    EXPECT_TRUE(live("video").simulcastLayers.empty());
    EXPECT_TRUE(live("video").groups.empty());

    // Leaving: no sources at all, written as <source/> without ssrc.
    sendOk(media::buildSourcesUpdate(channels_, jingle::MediaSources{}));
    EXPECT_TRUE(live("audio").ssrcs.empty());
    EXPECT_TRUE(live("video").ssrcs.empty());
}

TEST_F(BridgeSimUpdate, AnUpdateWithoutSourcesLeavesThemAlone) {
    sendOk(media::buildSourcesUpdate(channels_, sourcesWithVideo({11, 22}, true)));
    colibri::ColibriConference req;
    req.id = channels_.conferenceId;
    colibri::Channel ch;
    ch.id = channels_.channel("video")->id;
    ch.lastN = 3;
    req.getOrAddContent("video").channels.push_back(ch);
    sendOk(req);
    EXPECT_EQ(live("video").ssrcs, (std::vector<uint32_t>{11, 22}));
    EXPECT_EQ(live("video").lastN, 3);
}

TEST_F(BridgeSimUpdate, TransportInfoCandidatesAccumulateAndStartMedia) {
    auto info = test::goldenJingle("jingle/transport-info-2015.xml");
    auto update = media::buildTransportUpdate(channels_, "r1", info.contents);
    ASSERT_TRUE(update);
    sendOk(*update);
    sendOk(*update);  // the same batch again counts once
    auto& bundle = bridgesim::snapshot(*bridge_).conferences.at(0).bundles.at(0);
    EXPECT_EQ(bundle.remoteCandidates, 3u);
    EXPECT_TRUE(live("audio").media);
    EXPECT_TRUE(live("data").media);

    // A candidate of a later ICE generation is ignored, as ice4j did.
    jingle::Candidate late = update->channelBundles[0].transport->candidates[0];
    late.port = 6000;
    late.generation = 1;
    update->channelBundles[0].transport->candidates = {late};
    sendOk(*update);
    EXPECT_EQ(bridgesim::snapshot(*bridge_).conferences.at(0).bundles.at(0).remoteCandidates, 3u);
}

TEST_F(BridgeSimUpdate, NonBundleTransportGoesToEachChannel) {
    media::ParticipantFeatures noBundle;
    noBundle.bundle = false;
    auto cc = channelsOf(allocate("cc33", channels_.conferenceId, noBundle), "cc33");
    auto info = test::goldenJingle("jingle/transport-info-2015.xml");
    auto update = media::buildTransportUpdate(cc, "r1", info.contents);
    ASSERT_TRUE(update);
    sendOk(*update);
    auto conf = bridgesim::snapshot(*bridge_).conferences.at(0);
    auto mine = conf.channelsOf("cc33");
    ASSERT_EQ(mine.size(), 3u);
    EXPECT_EQ(mine[0]->content, "audio");
    EXPECT_EQ(mine[0]->remoteCandidates, 3u);
    EXPECT_TRUE(mine[0]->media);
    EXPECT_FALSE(mine[1]->media);  // video got no candidates
}

TEST_F(BridgeSimUpdate, MuteSetsSendonlyAndAnyLaterUpdateUnmutes) {
    auto mute = colibri::buildAudioMute(channels_, "r1", true);
    ASSERT_TRUE(mute);
    auto resp = request(*mute);
    ASSERT_TRUE(resp);
    EXPECT_EQ(resp->content("audio")->channels.at(0).direction, "sendonly");
    EXPECT_EQ(live("audio").direction, "sendonly");

    // The 2015 bridge applied the absent direction of a sources update as sendrecv.
    resp = request(media::buildSourcesUpdate(channels_, sourcesWithVideo({11}, false)));
    ASSERT_TRUE(resp);
    EXPECT_EQ(resp->content("audio")->channels.at(0).direction, "");
    EXPECT_EQ(live("audio").direction, "sendrecv");
}

TEST_F(BridgeSimUpdate, UpdateResponsesDescribeTheTouchedChannelsAndEveryBundle) {
    allocate("bb22", channels_.conferenceId);
    auto resp = request(media::buildSourcesUpdate(channels_, sourcesWithVideo({11}, false)));
    ASSERT_TRUE(resp);
    EXPECT_EQ(resp->id, channels_.conferenceId);
    ASSERT_EQ(resp->content("audio")->channels.size(), 1u);
    EXPECT_EQ(resp->content("audio")->channels[0].id, channels_.channel("audio")->id);
    EXPECT_EQ(resp->channelBundles.size(), 2u);
}

}  // namespace
