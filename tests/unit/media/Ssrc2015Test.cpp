// The 2015 tests of docs/media.md §4.6 as unit tests of SourceMap (with the Colibri sources update for what
// the bridge sees): MediaSSRCMapTest, MediaSSRCGroupMapTest and the AdvertiseSSRCsTest scenario.
#include <gtest/gtest.h>

#include "media/ColibriUpdates.h"
#include "media/SourceMap.h"
#include "protocol/colibri/ColibriRequests.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;
using namespace jicofo::protocol::jingle;
using namespace jicofo::media;

namespace {

const std::string kA = "r1@conference.example.com/aa11";
const std::string kB = "r1@conference.example.com/bb22";

Source camera(uint32_t ssrc, const std::string& msid) {
    Source s = Source::make(ssrc);
    s.setParam("cname", "cn");
    s.setParam("msid", msid);
    s.ssrcInfo = SsrcInfo{"", "camera", {}};
    return s;
}

MediaSources avClaim(uint32_t audio, std::vector<Source> video, std::vector<SourceGroup> groups = {}) {
    MediaSources m;
    m.at("audio").sources = {camera(audio, "st a0")};
    m.at("audio").sources[0].ssrcInfo.reset();
    m.at("video").sources = std::move(video);
    m.at("video").groups = std::move(groups);
    return m;
}

// The simulcast layers the bridge would use: the SSRCs of the (first) SIM group in the sources update.
std::vector<uint32_t> bridgeLayers(const SourceMap& map, const std::string& owner) {
    colibri::ParticipantChannels pc;
    pc.conferenceId = "5a1f0c93be27d4e1";
    pc.contents.resize(1);
    pc.contents[0].name = "video";
    pc.contents[0].channels.resize(1);
    pc.contents[0].channels[0].id = "0b44e9a1f7d2c365";
    colibri::ColibriConference update = media::buildSourcesUpdate(pc, map.sourcesOf(owner));
    const auto& groups = update.contents.at(0).channels.at(0).groups;
    for (const auto& g : groups)
        if (g.semantics == "SIM") return g.ssrcs;
    return {};
}

TEST(MediaSsrcMap2015, RemovalBySsrcReturnsExactlyTheRemovedOnesAbove2To31Too) {
    SourceMap map;
    MediaSources m;
    m.at("audio").sources = {camera(1, "a a0"), camera(4294967295u, "a a1")};
    m.at("video").sources = {camera(3645473245u, "v v0"), camera(2147483648u, "v v1")};
    ASSERT_TRUE(map.add(kA, m));
    MediaSources req;
    req.at("audio").sources = {Source::make(4294967295u)};
    req.at("video").sources = {Source::make(3645473245u), Source::make(2147483648u)};
    MediaSources removed = map.remove(kA, req);
    ASSERT_EQ(removed.sourceCount(), 3u);
    EXPECT_EQ(removed.find("audio")->sources[0].ssrc, 4294967295u);
    EXPECT_EQ(*removed.find("video")->sources[1].param("msid"), "v v1");  // parameters preserved
    MediaSources left = map.sourcesOf(kA);
    ASSERT_EQ(left.sourceCount(), 1u);
    EXPECT_EQ(left.find("audio")->sources[0].ssrc, 1u);
}

TEST(MediaSsrcGroupMap2015, RemovalBySemanticsAndSsrcs) {
    SourceMap map;
    MediaSources m;
    m.at("video").sources = {camera(3645473245u, "v v0"), camera(2, "v v0"), camera(3, "v v0"),
                             camera(4, "v v0")};
    m.at("video").groups = {SourceGroup{"SIM", {3645473245u, 2}, {}}, SourceGroup{"FID", {3, 4}, {}}};
    ASSERT_TRUE(map.add(kA, m));
    MediaSources req;
    req.at("video").groups = {SourceGroup{"FID", {3, 4}, {}}, SourceGroup{"SIM", {3, 4}, {}}};
    MediaSources removed = map.remove(kA, req);
    ASSERT_EQ(removed.groupCount(), 1u);
    EXPECT_EQ(removed.find("video")->groups[0].semantics, "FID");
    ASSERT_EQ(map.sourcesOf(kA).groupCount(), 1u);
    EXPECT_EQ(map.sourcesOf(kA).find("video")->groups[0].ssrcs[0], 3645473245u);
}

TEST(AdvertiseSsrcs2015, OneToOneEachSeesTheOthersWithOwnerAndVideoType) {
    SourceMap map;
    auto a = map.add(kA, avClaim(11, {camera(12, "st v0")}));
    auto b = map.add(kB, avClaim(21, {camera(22, "st v0")}));
    ASSERT_TRUE(a && b);
    // What B is told about A (source-add) and what A's offer would list about B.
    EXPECT_EQ(a->find("video")->sources[0].ssrcInfo->owner, kA);
    EXPECT_EQ(a->find("video")->sources[0].ssrcInfo->videoType, "camera");
    MediaSources seenByA = map.allExcept(kA);
    EXPECT_EQ(seenByA.find("audio")->sources.size(), 1u);
    EXPECT_EQ(seenByA.find("video")->sources[0].ssrcInfo->owner, kB);
    // B leaves: A's remote view is empty; what is removed is all of B's.
    MediaSources gone = map.removeOwner(kB);
    EXPECT_EQ(gone.sourceCount(), 2u);
    EXPECT_TRUE(map.allExcept(kA).empty());
    // A newcomer is announced with its sources.
    auto c = map.add("r1@conference.example.com/cc33", avClaim(31, {camera(32, "st v0")}));
    ASSERT_TRUE(c);
    EXPECT_EQ(map.allExcept(kA).sourceCount(), 2u);
}

TEST(AdvertiseSsrcs2015, SimulcastSwitchToDesktopAndBack) {
    SourceMap map;
    ASSERT_TRUE(map.add(
        kA, avClaim(11, {camera(12, "st v0"), camera(13, "st v0")}, {SourceGroup{"SIM", {12, 13}, {}}})));
    MediaSources seen = map.allExcept(kB);
    EXPECT_EQ(seen.find("audio")->sources.size(), 1u);
    EXPECT_EQ(seen.find("video")->sources.size(), 2u);
    EXPECT_EQ(seen.find("video")->groups.size(), 1u);
    EXPECT_EQ(bridgeLayers(map, kA), (std::vector<uint32_t>{12, 13}));

    // Desktop: source-remove of the camera SSRCs and group, source-add of one SSRC without group.
    MediaSources removeCamera;
    removeCamera.at("video").sources = {Source::make(12), Source::make(13)};
    removeCamera.at("video").groups = {SourceGroup{"SIM", {12, 13}, {}}};
    EXPECT_EQ(map.remove(kA, removeCamera).sourceCount(), 2u);
    MediaSources desktop;
    desktop.at("video").sources = {camera(14, "st v1")};
    desktop.at("video").sources[0].ssrcInfo->videoType = "screen";
    ASSERT_TRUE(map.add(kA, desktop));
    seen = map.allExcept(kB);
    EXPECT_EQ(seen.find("video")->sources.size(), 1u);
    EXPECT_EQ(seen.find("video")->groups.size(), 0u);
    EXPECT_TRUE(bridgeLayers(map, kA).empty());  // the empty SIM group: 0 layers on the bridge

    // And back to the camera.
    MediaSources removeDesktop;
    removeDesktop.at("video").sources = {Source::make(14)};
    EXPECT_EQ(map.remove(kA, removeDesktop).sourceCount(), 1u);
    ASSERT_TRUE(map.add(
        kA, avClaim(11, {camera(12, "st v0"), camera(13, "st v0")}, {SourceGroup{"SIM", {12, 13}, {}}})));
    seen = map.allExcept(kB);
    EXPECT_EQ(seen.find("video")->sources.size(), 2u);
    EXPECT_EQ(seen.find("video")->groups.size(), 1u);
    EXPECT_EQ(bridgeLayers(map, kA), (std::vector<uint32_t>{12, 13}));
}

}  // namespace
