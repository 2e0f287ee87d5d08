// Roles, idle and empty rules, reconnection (docs/protocol.md §5.3, §5.5, §5.6).
#include "logic/conference/FocusHarness.h"
#include "protocol/muc/MucOwner.h"

using namespace jicofo;
using namespace jicofo::test;

namespace {
const std::string kRoom = "r1@conference.example.com";

struct Joined : FocusHarness {
    explicit Joined(conference::FocusSettings s = defaults()) : FocusHarness(s) {
        requestConference(kRoom);
        completeJoin(kRoom);
        componentReply();
        client.clear();
    }
    // The next owner grant the focus asked for: the bare JID in the muc#admin item.
    std::optional<std::string> grantedJid() {
        for (auto& e : client.sent()) {
            if (e.name() != "iq") continue;
            if (const auto* q = e.child("query", protocol::ns::kMucAdmin))
                if (const auto* item = q->child("item"))
                    if (item->attr("affiliation") == "owner") return item->attr("jid");
        }
        return std::nullopt;
    }
};
}  // namespace

TEST(RoomLifecycle, FirstParticipantIsMadeOwnerWithBareJid) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/web1");
    EXPECT_EQ(h.grantedJid(), "alice@example.com");
    h.answerClientIq();
    h.presenceFrom(kRoom, "bob", "bob@example.com/web2");
    EXPECT_FALSE(h.grantedJid()) << "bob must not be made owner while alice is";
    EXPECT_EQ(h.manager.find(jid(kRoom))->ownerNick(), "alice");
}

TEST(RoomLifecycle, OwnerLeavingPromotesTheLongestPresent) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1");
    h.answerClientIq();
    h.presenceFrom(kRoom, "alice", "alice@example.com/1", "owner", "moderator");
    h.presenceFrom(kRoom, "bob", "bob@example.com/2");
    h.presenceFrom(kRoom, "carol", "carol@example.com/3");
    h.presenceFrom(kRoom, "dave", "dave@example.com/4");
    h.client.clear();
    h.presenceFrom(kRoom, "alice", "alice@example.com/1", "owner", "none", {}, true);
    EXPECT_EQ(h.grantedJid(), "bob@example.com");
}

TEST(RoomLifecycle, RefusedGrantTriesTheNext) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1");
    h.presenceFrom(kRoom, "bob", "bob@example.com/2");
    h.failClientIq("not-allowed");
    EXPECT_EQ(h.grantedJid(), "bob@example.com");
}

TEST(RoomLifecycle, ExistingOwnerIsTrackedNotGrantedAgain) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1", "owner", "moderator");
    EXPECT_FALSE(h.grantedJid());
    EXPECT_EQ(h.manager.find(jid(kRoom))->ownerNick(), "alice");
}

TEST(RoomLifecycle, AutoOwnerCanBeDisabled) {
    auto s = FocusHarness::defaults();
    s.disableAutoOwner = true;
    Joined h(s);
    h.presenceFrom(kRoom, "alice", "alice@example.com/1");
    EXPECT_FALSE(h.grantedJid());
}

TEST(RoomLifecycle, LastParticipantLeavingEndsTheConference) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1");
    h.presenceFrom(kRoom, "bob", "bob@example.com/2");
    h.client.clear();
    h.presenceFrom(kRoom, "alice", "alice@example.com/1", "none", "none", {}, true);
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
    h.presenceFrom(kRoom, "bob", "bob@example.com/2", "none", "none", {}, true);
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    auto leave = h.client.take("presence");
    ASSERT_TRUE(leave);
    EXPECT_EQ(leave->attr("type"), "unavailable");
    EXPECT_EQ(leave->attr("to"), kRoom + "/focus");
}

TEST(RoomLifecycle, IdleTimeoutEndsAConferenceNobodyJoined) {
    Joined h;
    h.loop.advance(std::chrono::milliseconds(14999));
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
    h.loop.advance(std::chrono::milliseconds(2));
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    auto leave = h.client.take("presence");
    ASSERT_TRUE(leave);
    EXPECT_EQ(leave->attr("type"), "unavailable");
}

TEST(RoomLifecycle, IdleTimerIsNotRearmedOnceSomeoneJoined) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1");
    h.loop.advance(std::chrono::minutes(10));
    EXPECT_EQ(h.manager.conferenceCount(), 1u) << "a single participant keeps the conference";
}

TEST(RoomLifecycle, FocusNickOccupantIsNeverAParticipant) {
    Joined h;
    h.presenceFrom(kRoom, "focus", "other-focus@auth.example.com/x");
    EXPECT_FALSE(h.grantedJid());
    EXPECT_TRUE(h.manager.find(jid(kRoom))->room().occupants().empty());
}

TEST(RoomLifecycle, RoomDestroyedEndsTheConference) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1");
    h.presenceFrom(kRoom, "focus", "focus@auth.example.com/focus1", "none", "none", {110}, true);
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
}

TEST(RoomLifecycle, RejoinAfterStreamLossReportsWhoLeftMeanwhile) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1", "owner", "moderator");
    h.presenceFrom(kRoom, "bob", "bob@example.com/2");
    h.client.setConnected(false);
    h.manager.onClientDisconnected("test");
    h.client.setConnected(true);
    h.manager.onClientConnected();
    ASSERT_TRUE(h.client.take("presence")) << "rejoin";
    // Only bob is still there: the server announces him, then our self-presence.
    h.presenceFrom(kRoom, "bob", "bob@example.com/2");
    h.presenceFrom(kRoom, "focus", "focus@auth.example.com/focus1", "owner", "moderator", {110});
    h.answerClientIq();                            // the configuration submit
    h.answerClientIq(FocusHarness::configForm());  // the form fetch
    const auto* conf = h.manager.find(jid(kRoom));
    ASSERT_TRUE(conf);
    EXPECT_TRUE(conf->joined());
    EXPECT_EQ(conf->room().occupants().size(), 1u);
    EXPECT_EQ(h.grantedJid(), "bob@example.com") << "alice (the owner) left while we were away";
}

TEST(RoomLifecycle, RejoinToAnEmptyRoomWaitsTheIdleTimeoutForParticipantsToComeBack) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1");
    h.clientRouter.failAll("server restart");
    h.manager.onClientDisconnected("server restart");
    h.client.clear();
    h.manager.onClientConnected();
    h.completeJoin(kRoom);
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
    h.loop.advance(std::chrono::seconds(16));
    EXPECT_EQ(h.manager.conferenceCount(), 0u) << "nobody came back";
}

TEST(RoomLifecycle, ParticipantComingBackAfterARestartKeepsTheConference) {
    Joined h;
    h.presenceFrom(kRoom, "alice", "alice@example.com/1");
    h.clientRouter.failAll("server restart");
    h.manager.onClientDisconnected("server restart");
    h.client.clear();
    h.manager.onClientConnected();
    h.completeJoin(kRoom);
    h.presenceFrom(kRoom, "alice", "alice@example.com/2");
    h.loop.advance(std::chrono::minutes(1));
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
}
