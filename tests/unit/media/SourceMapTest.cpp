// SourceMap: what is stored, what is reported as new or removed, and every refusal (nothing changes then).
#include <gtest/gtest.h>

#include "media/SourceMap.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol::jingle;
using namespace jicofo::media;

namespace {

const std::string kA = "r1@conference.example.com/aa11";
const std::string kB = "r1@conference.example.com/bb22";

Source src(uint32_t ssrc, const std::string& msid = {}) {
    Source s = Source::make(ssrc);
    s.setParam("cname", "c" + std::to_string(ssrc));
    if (!msid.empty()) s.setParam("msid", msid);
    return s;
}

MediaSources claim(const std::string& media, std::vector<Source> sources,
                   std::vector<SourceGroup> groups = {}) {
    MediaSources m;
    m.at(media).sources = std::move(sources);
    m.at(media).groups = std::move(groups);
    return m;
}

SourceGroup sim(std::vector<uint32_t> ssrcs) {
    return SourceGroup{"SIM", std::move(ssrcs), {}};
}

void expectRefused(const protocol::ParseResult<MediaSources>& r, const std::string& textPart) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().condition, "bad-request");
    EXPECT_NE(r.error().text.find(textPart), std::string::npos) << r.error().text;
}

TEST(SourceMap, AddStoresWithOwnerAndReportsWhatIsNew) {
    SourceMap map;
    auto added = map.add(kA, claim("audio", {src(1), src(2)}));
    ASSERT_TRUE(added) << added.error().text;
    ASSERT_EQ(added->sourceCount(), 2u);
    EXPECT_EQ(added->entries[0].sources[0].ssrcInfo->owner, kA);
    EXPECT_EQ(*added->entries[0].sources[0].param("cname"), "c1");
    EXPECT_EQ(map.ownerOf(2), kA);
    EXPECT_FALSE(map.ownerOf(3));

    // The same sources again (a re-sent source-add) are not new; one new source is.
    auto again = map.add(kA, claim("audio", {src(2), src(3)}));
    ASSERT_TRUE(again);
    ASSERT_EQ(again->sourceCount(), 1u);
    EXPECT_EQ(again->entries[0].sources[0].ssrc, 3u);
    EXPECT_EQ(map.sourcesOf(kA).sourceCount(), 3u);
}

TEST(SourceMap, SessionAcceptKeepsTheEmptyDataEntry) {
    Jingle accept = test::goldenJingle("jingle/session-accept-2015.xml");
    SourceMap map;
    auto added = map.add(kA, MediaSources::fromContents(accept.contents));
    ASSERT_TRUE(added) << added.error().text;
    ASSERT_EQ(added->entries.size(), 3u);
    EXPECT_EQ(added->entries[2].media, "data");
    EXPECT_EQ(added->sourceCount(), 3u);
    EXPECT_EQ(added->groupCount(), 1u);
    EXPECT_EQ(map.sourcesOf(kA).entries.size(), 3u);
}

TEST(SourceMap, RefusesAnotherParticipantsSsrcAndChangesNothing) {
    SourceMap map;
    ASSERT_TRUE(map.add(kA, claim("audio", {src(10)})));
    expectRefused(map.add(kB, claim("audio", {src(11), src(10)})),
                  "ssrc 10 is already used by another participant");
    EXPECT_FALSE(map.ownerOf(11));  // the valid part of the claim was not applied either
    EXPECT_EQ(map.sourcesOf(kB).sourceCount(), 0u);
}

TEST(SourceMap, RefusesDuplicatesInOneClaimAndAcrossMedia) {
    SourceMap map;
    expectRefused(map.add(kA, claim("audio", {src(5), src(5)})), "ssrc 5 appears twice");
    ASSERT_TRUE(map.add(kA, claim("audio", {src(5)})));
    expectRefused(map.add(kA, claim("video", {src(5)})), "ssrc 5 is already used for audio");
    Source bare;
    expectRefused(map.add(kA, claim("video", {bare})), "without ssrc");
}

TEST(SourceMap, GroupsMustNameOwnSsrcsOfThatMedia) {
    SourceMap map;
    ASSERT_TRUE(map.add(kB, claim("video", {src(20)})));
    // Sources and their group in the same claim are fine.
    auto ok = map.add(kA, claim("video", {src(1), src(2)}, {sim({1, 2})}));
    ASSERT_TRUE(ok) << ok.error().text;
    EXPECT_EQ(ok->groupCount(), 1u);
    // Naming someone else's SSRC, an unknown one, or one of another media is refused.
    expectRefused(map.add(kA, claim("video", {}, {sim({1, 20})})), "names ssrc 20");
    expectRefused(map.add(kA, claim("video", {}, {sim({1, 99})})), "names ssrc 99");
    ASSERT_TRUE(map.add(kA, claim("audio", {src(3)})));
    expectRefused(map.add(kA, claim("video", {}, {sim({1, 3})})), "names ssrc 3");
    expectRefused(map.add(kA, claim("video", {}, {sim({})})), "has no sources");
    // An already stored group is not new.
    auto dup = map.add(kA, claim("video", {}, {sim({1, 2})}));
    ASSERT_TRUE(dup);
    EXPECT_TRUE(dup->empty());
    EXPECT_EQ(map.sourcesOf(kA).groupCount(), 1u);
}

TEST(SourceMap, EnforcesPerParticipantLimits) {
    SourceMap defaults;
    EXPECT_EQ(defaults.limits().maxSources, 50u);
    EXPECT_EQ(defaults.limits().maxGroups, 20u);
    std::vector<Source> fifty;
    for (uint32_t i = 1; i <= 50; ++i) fifty.push_back(src(i));
    ASSERT_TRUE(defaults.add(kA, claim("video", fifty)));
    expectRefused(defaults.add(kA, claim("audio", {src(51)})), "too many sources: 51 > 50");
    EXPECT_FALSE(defaults.ownerOf(51));

    SourceMap small(SourceMap::Limits{10, 2});
    ASSERT_TRUE(small.add(kA, claim("video", {src(1), src(2), src(3), src(4)}, {sim({1, 2}), sim({3, 4})})));
    expectRefused(small.add(kA, claim("video", {}, {SourceGroup{"FID", {1, 3}, {}}})),
                  "too many ssrc-groups: 3 > 2");
    EXPECT_EQ(small.sourcesOf(kA).groupCount(), 2u);
}

TEST(SourceMap, RemoveReturnsStoredElementsAndIgnoresUnknown) {
    SourceMap map;
    ASSERT_TRUE(
        map.add(kA, claim("video", {src(1, "s v0"), src(3645473245u, "s v0")}, {sim({1, 3645473245u})})));
    ASSERT_TRUE(map.add(kB, claim("video", {src(7)})));

    // Another participant cannot remove A's sources.
    EXPECT_TRUE(map.remove(kB, claim("video", {Source::make(1)})).empty());
    // Unknown SSRCs: nothing removed, nothing to tell anyone.
    EXPECT_TRUE(map.remove(kA, claim("video", {Source::make(99)})).empty());

    MediaSources removed =
        map.remove(kA, claim("video", {Source::make(3645473245u)}, {sim({1, 3645473245u})}));
    ASSERT_EQ(removed.sourceCount(), 1u);
    const Source& gone = removed.find("video")->sources[0];
    EXPECT_EQ(gone.ssrc, 3645473245u);
    EXPECT_EQ(*gone.param("msid"), "s v0");  // stored parameters, not the bare request
    EXPECT_EQ(gone.ssrcInfo->owner, kA);
    EXPECT_EQ(removed.groupCount(), 1u);
    EXPECT_EQ(map.sourcesOf(kA).sourceCount(), 1u);
    EXPECT_EQ(map.ownerOf(7), kB);
}

TEST(SourceMap, RemovingASourceDropsGroupsThatNameIt) {
    SourceMap map;
    ASSERT_TRUE(map.add(kA, claim("video", {src(1), src(2)}, {sim({1, 2})})));
    MediaSources removed = map.remove(kA, claim("video", {Source::make(2)}));
    EXPECT_EQ(removed.sourceCount(), 1u);
    ASSERT_EQ(removed.groupCount(), 1u);  // reported, so the bridge and peers drop it too
    EXPECT_EQ(removed.find("video")->groups[0], sim({1, 2}));
    EXPECT_EQ(map.sourcesOf(kA).groupCount(), 0u);
}

TEST(SourceMap, GroupRemovalMatchesSemanticsAndCoveredSsrcs) {
    SourceMap map;
    ASSERT_TRUE(map.add(kA, claim("video", {src(1), src(2), src(3)}, {sim({1, 2, 3})})));
    EXPECT_TRUE(map.remove(kA, claim("video", {}, {SourceGroup{"FID", {1, 2}, {}}})).empty());
    EXPECT_TRUE(map.remove(kA, claim("video", {}, {sim({1, 4})})).empty());
    MediaSources removed = map.remove(kA, claim("video", {}, {sim({2, 1})}));
    ASSERT_EQ(removed.groupCount(), 1u);
    EXPECT_EQ(removed.find("video")->groups[0].ssrcs, (std::vector<uint32_t>{1, 2, 3}));  // the stored group
}

TEST(SourceMap, RemoveOwnerAndAllExcept) {
    SourceMap map;
    ASSERT_TRUE(map.add(kA, claim("audio", {src(1)})));
    ASSERT_TRUE(map.add(kB, claim("audio", {src(2)})));
    ASSERT_TRUE(map.add("r1@conference.example.com/cc33", claim("audio", {src(3)})));
    MediaSources others = map.allExcept(kB);
    ASSERT_EQ(others.sourceCount(), 2u);
    EXPECT_EQ(others.find("audio")->sources[0].ssrc, 1u);  // participants in the order they first added
    EXPECT_EQ(others.find("audio")->sources[1].ssrc, 3u);

    MediaSources all = map.removeOwner(kA);
    EXPECT_EQ(all.sourceCount(), 1u);
    EXPECT_FALSE(map.ownerOf(1));
    EXPECT_EQ(map.owners(), (std::vector<std::string>{kB, "r1@conference.example.com/cc33"}));
    EXPECT_TRUE(map.removeOwner(kA).empty());
}

TEST(SourceMap, MergeHackMakesOneStreamPerParticipant) {
    MediaSources claimed = claim("audio", {src(1, "aS a0")});
    claimed.at("audio").sources[0].setParam("mslabel", "aS");
    claimed.at("video").sources = {src(2, "vS v0"), src(3, "vS v1")};

    SourceMap merging;
    auto added = merging.add(kA, claimed);
    ASSERT_TRUE(added);
    MediaSources stored = merging.sourcesOf(kA);
    const Source& audio = stored.find("audio")->sources[0];
    const Source& video = stored.find("video")->sources[0];
    EXPECT_EQ(*audio.param("msid"), "vS a0");                             // video stream, audio track
    EXPECT_EQ(*video.param("cname"), "c1");                               // audio's cname
    EXPECT_EQ(*video.param("mslabel"), "aS");                             // audio's mslabel
    EXPECT_EQ(*stored.find("video")->sources[1].param("cname"), "c3");    // only the first video source
    EXPECT_EQ(*added->find("audio")->sources[0].param("msid"), "vS a0");  // reported as merged

    SourceMap plain(SourceMap::Limits{}, false);
    ASSERT_TRUE(plain.add(kA, claimed));
    EXPECT_EQ(*plain.sourcesOf(kA).find("audio")->sources[0].param("msid"), "aS a0");
}

TEST(SourceMap, ForwardedSourceAddCarriesOwnerAndVideoType) {
    // A client's source-add (with a forged ssrc-info owner) becomes the focus's source-add of §3.6.
    Jingle fromClient = test::goldenJingle("jingle/source-add-client-bb22.xml");
    SourceMap map;
    auto added = map.add(kB, MediaSources::fromContents(fromClient.contents));
    ASSERT_TRUE(added) << added.error().text;
    Jingle toPeer = added->toJingle(JingleAction::SourceAdd, "3kd92hf0q1m7");
    EXPECT_TRUE(test::sameXml(toPeer.toElement(), test::goldenPayload("jingle/source-add-focus.xml")));
    EXPECT_EQ(added->toJingle(JingleAction::SourceAdd, "s", true).toElement().attr("action"), "addsource");
}

}  // namespace
