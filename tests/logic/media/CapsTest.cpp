// XEP-0115 caps (docs/media.md §3.1): a participant announcing a ver the focus has verified is offered media
// without a disco#info round trip; missing, unverifiable or false caps are asked as before.
#include "conference/CapsCache.h"
#include "logic/media/MediaHarness.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::EntityCaps;
using protocol::jingle::Jingle;
using protocol::jingle::JingleAction;

namespace {

std::optional<Jingle> initiateIn(const std::vector<Jingle>& v) {
    for (const auto& j : v)
        if (j.action == JingleAction::SessionInitiate) return j;
    return std::nullopt;
}

// What an offer says about the participant's features: contents and their codecs, extensions, transports
// (the bridge's ufrag/candidates and everyone's sources aside).
std::vector<std::string> shapeOf(const Jingle& j) {
    std::vector<std::string> out;
    for (const auto& c : j.contents) {
        out.push_back("content " + c.name);
        if (c.description) {
            for (const auto& pt : c.description->payloadTypes) out.push_back(pt.toElement().toString());
            for (const auto& h : c.description->hdrExts) out.push_back(h.toElement().toString());
        }
        if (c.transport)
            out.push_back("transport " + c.transport->toElement().name() + " " +
                          c.transport->toElement().ns());
    }
    if (j.group) out.push_back("group");
    return out;
}

struct CapsRoom : MediaHarness {
    CapsRoom() {
        createConference();
        joinWithCaps("alice");
        joinWithCaps("bob");  // media starts: both asked at once, the first answer verifies the ver
    }
};

}  // namespace

TEST(MediaCaps, KnownVerifiedVerSkipsDiscoAndGetsTheSameOffer) {
    CapsRoom h;
    EXPECT_EQ(h.discoAsked["alice"], 1);
    EXPECT_EQ(h.discoAsked["bob"], 1);
    auto bobOffer = initiateIn(h.jingleTo("bob"));
    ASSERT_TRUE(bobOffer);
    EXPECT_EQ(h.media.caps.size(), 1u);

    h.joinWithCaps("carol");
    EXPECT_EQ(h.discoAsked.count("carol"), 0u) << "the ver was verified with alice's and bob's answers";
    auto carolOffer = initiateIn(h.jingleTo("carol"));
    ASSERT_TRUE(carolOffer) << "offered without asking";
    EXPECT_EQ(shapeOf(*carolOffer), shapeOf(*bobOffer));
    EXPECT_EQ(carolOffer->contentNames(), (std::vector<std::string>{"audio", "video", "data"}));
}

TEST(MediaCaps, KnownVerCarriesOverToAnotherConferenceOfTheFocus) {
    CapsRoom h;
    h.leave("alice");
    h.leave("bob");  // the conference ends; the cache belongs to the focus
    h.createConference();
    h.joinWithCaps("dave");
    h.joinWithCaps("erin");
    EXPECT_EQ(h.discoAsked.count("dave"), 0u);
    EXPECT_EQ(h.discoAsked.count("erin"), 0u);
    EXPECT_TRUE(initiateIn(h.jingleTo("dave")));
    EXPECT_TRUE(initiateIn(h.jingleTo("erin")));
}

TEST(MediaCaps, WrongVerIsAskedEveryTimeAndNeverCached) {
    CapsRoom h;
    EntityCaps liar{"sha-1", "http://jitsi.org/jitsimeet", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="};
    h.joinWithCaps("mallory", liar);
    h.joinWithCaps("trudy", liar);
    EXPECT_EQ(h.discoAsked["mallory"], 1);
    EXPECT_EQ(h.discoAsked["trudy"], 1) << "a ver that did not verify is not trusted for the next one";
    EXPECT_TRUE(initiateIn(h.jingleTo("trudy")));
    EXPECT_EQ(h.media.caps.size(), 1u) << "only the 2015 client's ver";
}

TEST(MediaCaps, ClaimingAKnownVerUnderAnotherHashIsAsked) {
    CapsRoom h;
    EntityCaps md5 = clientCaps2015();
    md5.hash = "md5";
    h.joinWithCaps("carol", md5);
    EXPECT_EQ(h.discoAsked["carol"], 1) << "only sha-1 caps are verified and cached";
}

TEST(MediaCaps, NoCapsIsAsked) {
    CapsRoom h;
    h.join("carol");
    h.join("dave");
    EXPECT_EQ(h.discoAsked["carol"], 1);
    EXPECT_EQ(h.discoAsked["dave"], 1);
    EXPECT_TRUE(initiateIn(h.jingleTo("dave")));
}

TEST(MediaCaps, UnansweredDiscoCachesNothing) {
    MediaHarness h;
    h.participantsAnswerDisco = false;
    h.createConference();
    h.joinWithCaps("alice");
    h.joinWithCaps("bob");
    h.loop.advance(std::chrono::seconds(6));
    h.pump();
    EXPECT_TRUE(initiateIn(h.jingleTo("bob"))) << "everything assumed after the timeout, as in 2015";
    EXPECT_EQ(h.media.caps.size(), 0u);
    h.participantsAnswerDisco = true;
    h.joinWithCaps("carol");
    EXPECT_EQ(h.discoAsked["carol"], 1);
}

TEST(CapsCache, TheClientSamplesFeaturesAreWhatTheTestCapsHash) {
    protocol::DiscoInfo info;
    info.features = clientFeatures2015();
    EXPECT_EQ(protocol::capsSha1Ver(info.toElement()), clientCaps2015().ver);
}

TEST(CapsCache, BoundedLeastRecentlyUsedGoesFirst) {
    conference::CapsCache cache(2);
    auto learn = [&](const std::string& feature) {
        protocol::DiscoInfo info;
        info.features = {feature};
        EntityCaps caps{"sha-1", "n", *protocol::capsSha1Ver(info.toElement())};
        EXPECT_TRUE(cache.learn(caps, info.toElement(), info.features));
        return caps;
    };
    auto a = learn("urn:a"), b = learn("urn:b");
    ASSERT_TRUE(cache.find(a));  // a is now the most recently used
    auto c = learn("urn:c");
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_TRUE(cache.find(a));
    EXPECT_FALSE(cache.find(b)) << "evicted";
    ASSERT_TRUE(cache.find(c));
    EXPECT_EQ(*cache.find(c), std::vector<std::string>{"urn:c"});
}
