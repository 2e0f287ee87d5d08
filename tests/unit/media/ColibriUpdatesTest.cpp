// The Colibri updates a participant's answer causes (media/ColibriUpdates.h) against the docs/media.md §2.4
// goldens.
#include <gtest/gtest.h>

#include "media/ColibriUpdates.h"
#include "media/SourceMap.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;
using namespace jicofo::protocol::colibri;
using namespace jicofo::media;

namespace {

const std::string kA = "r1@conference.example.com/aa11";

ParticipantChannels channelsOf(const std::string& golden, const std::string& endpoint) {
    auto pc = ParticipantChannels::fromAllocateResponse(test::goldenConference(golden), endpoint);
    EXPECT_TRUE(pc) << (pc ? "" : pc.error().text);
    return pc ? *pc : ParticipantChannels{};
}

TEST(ColibriUpdate, SourcesAfterSessionAcceptMatchTheGolden) {
    jingle::Jingle accept = test::goldenJingle("jingle/session-accept-2015.xml");
    media::SourceMap map;
    ASSERT_TRUE(map.add(kA, jingle::MediaSources::fromContents(accept.contents)));
    ParticipantChannels pc = channelsOf("colibri/allocate-response-bundle.xml", "aa11");
    ColibriConference update = buildSourcesUpdate(pc, map.sourcesOf(kA));
    EXPECT_TRUE(test::sameXml(update.toElement(), test::goldenPayload("colibri/update-sources.xml")));
}

TEST(ColibriUpdate, NoSourcesMeansClearAllAndNoLayers) {
    ParticipantChannels pc = channelsOf("colibri/allocate-response-bundle.xml", "aa11");
    ColibriConference update = buildSourcesUpdate(pc, {});
    EXPECT_TRUE(update.name.empty());
    ASSERT_EQ(update.contents.size(), 2u);  // RTP channels only
    for (const auto& c : update.contents) {
        xml::Element ch = c.channels.at(0).toElement();
        EXPECT_EQ(ch.attributes().size(), 1u);  // id only
        ASSERT_EQ(ch.children().size(), 2u);
        EXPECT_EQ(ch.children()[0].name(), "source");
        EXPECT_FALSE(ch.children()[0].hasAttr("ssrc"));
        EXPECT_EQ(ch.children()[1].name(), "ssrc-group");
        EXPECT_EQ(ch.children()[1].attr("semantics"), "SIM");
        EXPECT_TRUE(ch.children()[1].children().empty());
    }
}

TEST(ColibriUpdate, BundleTransportFromTransportInfoMatchesTheGolden) {
    jingle::Jingle info = test::goldenJingle("jingle/transport-info-2015.xml");
    ParticipantChannels pc = channelsOf("colibri/allocate-response-bundle.xml", "aa11");
    auto update = buildTransportUpdate(pc, "r1", info.contents);
    ASSERT_TRUE(update);
    EXPECT_TRUE(
        test::sameXml(update->toElement(), test::goldenPayload("colibri/update-bundle-transport.xml")));
}

TEST(ColibriUpdate, BundleTransportFromTheClientSamples) {
    ParticipantChannels pc = channelsOf("colibri/allocate-response-bundle.xml", "aa11");
    // 2020 transport-info names its content "0"; bundled, the first transport goes to the bundle anyway.
    jingle::Jingle info = test::goldenJingle("jingle/lib-jitsi-meet-2020-unified-transport-info.xml");
    auto update = buildTransportUpdate(pc, "r1", info.contents, {"audio", "video", "data"});
    ASSERT_TRUE(update);
    const auto& t = *update->channelBundle("aa11")->transport;
    EXPECT_TRUE(t.rtcpMux);
    EXPECT_EQ(t.candidates.size(), 2u);
    // session-accept: the data content's sctpmap is not relayed; setup='active' is.
    jingle::Jingle accept = test::goldenJingle("jingle/lib-jitsi-meet-1.0.6-session-accept.xml");
    jingle::Jingle dataOnly = accept;
    dataOnly.contents.erase(dataOnly.contents.begin(), dataOnly.contents.begin() + 2);
    auto fromData = buildTransportUpdate(pc, "r1", dataOnly.contents);
    ASSERT_TRUE(fromData);
    const auto& td = *fromData->channelBundle("aa11")->transport;
    EXPECT_TRUE(td.sctpMaps.empty());
    EXPECT_EQ(td.fingerprints.at(0).setup, "active");
    EXPECT_TRUE(fromData->contents.empty());
}

TEST(ColibriUpdate, NonBundleTransportPerContentIncludingMidNamed) {
    ParticipantChannels pc = channelsOf("colibri/allocate-response-nobundle.xml", "cc33");
    jingle::Jingle info = test::goldenJingle("jingle/lib-jitsi-meet-2020-unified-transport-info.xml");
    auto update = buildTransportUpdate(pc, "r1", info.contents, {"audio", "video", "data"});
    ASSERT_TRUE(update);
    ASSERT_EQ(update->contents.size(), 1u);
    EXPECT_EQ(update->contents[0].name, "audio");
    const Channel& ch = update->contents[0].channels.at(0);
    EXPECT_EQ(ch.id, "a1b2c3d4e5f60718");
    EXPECT_EQ(ch.endpoint, "cc33");
    EXPECT_EQ(ch.initiator, true);
    EXPECT_EQ(ch.transport->candidates.size(), 2u);

    jingle::Jingle accept = test::goldenJingle("jingle/lib-jitsi-meet-1.0.6-session-accept.xml");
    auto all = buildTransportUpdate(pc, "r1", accept.contents);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->contents.size(), 3u);
    const SctpConnection& s = all->content("data")->sctpConnections.at(0);
    EXPECT_EQ(s.id, "c3d4e5f60718293a");
    EXPECT_EQ(s.port, 5000);
    EXPECT_TRUE(s.transport->sctpMaps.empty());
    EXPECT_FALSE(all->content("audio")->channels.at(0).transport->rtcpMux);  // forced only for bundles
}

TEST(ColibriUpdate, PayloadTypesAndTheWholeAcceptMatchTheGoldens) {
    jingle::Jingle accept = test::goldenJingle("jingle/session-accept-2015.xml");
    ParticipantChannels pc = channelsOf("colibri/allocate-response-bundle.xml", "aa11");
    auto pts = buildPayloadTypesUpdate(pc, "r1", accept.contents);
    ASSERT_TRUE(pts);
    EXPECT_TRUE(test::sameXml(pts->toElement(), test::goldenPayload("colibri/update-payload-types.xml")));

    media::SourceMap map;
    ASSERT_TRUE(map.add(kA, jingle::MediaSources::fromContents(accept.contents)));
    AcceptUpdates u = buildAcceptUpdates(pc, "r1", accept, map.sourcesOf(kA));
    EXPECT_TRUE(test::sameXml(u.sources.toElement(), test::goldenPayload("colibri/update-sources.xml")));
    ASSERT_TRUE(u.transport && u.payloadTypes);
    EXPECT_EQ(u.transport->channelBundle("aa11")->transport->ufrag, "Zq4k");
    EXPECT_TRUE(test::sameXml(u.payloadTypes->toElement(), pts->toElement()));
}

// What the focus sends after a session-accept: update-sources.xml, update-bundle-transport.xml and
// update-payload-types.xml in one IQ (issue 10 §5: two round trips less through Prosody per participant).
TEST(ColibriUpdate, TheAcceptGoesToTheBridgeAsOneMergedUpdate) {
    jingle::Jingle accept = test::goldenJingle("jingle/session-accept-2015.xml");
    ParticipantChannels pc = channelsOf("colibri/allocate-response-bundle.xml", "aa11");
    media::SourceMap map;
    ASSERT_TRUE(map.add(kA, jingle::MediaSources::fromContents(accept.contents)));
    AcceptUpdates u = buildAcceptUpdates(pc, "r1", accept, map.sourcesOf(kA));
    EXPECT_TRUE(
        test::sameXml(u.merged().toElement(), test::goldenPayload("colibri/update-accept-merged.xml")));
}

TEST(ColibriUpdate, MergingKeepsWhatIsSetAndAddsWhatIsNew) {
    ColibriConference into;
    into.id = "c1";
    Channel a;
    a.id = "a1";
    a.sources.push_back(jingle::Source::make(1));
    into.getOrAddContent("audio").channels.push_back(a);
    ColibriConference from;
    from.name = "r1";
    Channel a2;
    a2.id = "a1";
    a2.sources.push_back(jingle::Source::make(2));  // the first update's sources win
    a2.payloadTypes.push_back(jingle::PayloadType{});
    from.getOrAddContent("audio").channels.push_back(a2);
    Channel v;
    v.id = "v1";
    from.getOrAddContent("video").channels.push_back(v);
    ChannelBundle b;
    b.id = "e1";
    from.channelBundles.push_back(b);
    mergeUpdate(into, from);
    EXPECT_EQ(into.id, "c1");
    EXPECT_EQ(into.name, "r1");
    ASSERT_EQ(into.contents.size(), 2u);
    ASSERT_EQ(into.content("audio")->channels.size(), 1u);
    EXPECT_EQ(into.content("audio")->channels[0].sources.at(0).ssrc, 1u);
    EXPECT_EQ(into.content("audio")->channels[0].payloadTypes.size(), 1u);
    EXPECT_EQ(into.content("video")->channels.at(0).id, "v1");
    ASSERT_EQ(into.channelBundles.size(), 1u);
}

}  // namespace
