// Roles with an authentication authority (docs/protocol.md §5.5): owner only for occupants whose real JID has
// a bound session — on the focus's join, on each join and when a session gets bound; no first-comer election.
#include "logic/auth/AuthHarness.h"

using namespace jicofo;
using namespace jicofo::test;

namespace {
const std::string kRoom = "r1@conference.example.com";
const std::string kGuest = "g1@guest.example.com/web";
}  // namespace

TEST(AuthRoles, NoFirstComerElection) {
    AuthHarness h;
    h.login(kRoom);
    h.presenceFrom(kRoom, "bob", "bob@guest.example.com/x");
    h.presenceFrom(kRoom, "carol", "carol@guest.example.com/y");
    EXPECT_TRUE(h.ownerGrants().empty()) << "nobody without a session becomes owner";
    EXPECT_FALSE(h.manager.find(jid(kRoom))->ownerNick());
}

TEST(AuthRoles, AuthenticatedGuestBecomesOwnerWhenItJoins) {
    AuthHarness h;
    std::string session = h.login(kRoom);
    AuthHarness::resultOf(h.request(kRoom, kGuest, session, "m1"));  // binds the session to the guest JID
    EXPECT_TRUE(h.ownerGrants().empty()) << "not in the room yet";
    h.presenceFrom(kRoom, "alice", kGuest);
    EXPECT_EQ(h.ownerGrants(), std::vector<std::string>{"g1@guest.example.com"});
    // Its owner presence comes back; nothing more is sent for it.
    h.presenceFrom(kRoom, "alice", kGuest, "owner", "moderator");
    EXPECT_TRUE(h.ownerGrants().empty());
    EXPECT_EQ(h.manager.find(jid(kRoom))->ownerNick(), "alice");
}

TEST(AuthRoles, SessionBoundWhileInTheRoomMakesOwnerThen) {
    AuthHarness h;
    std::string session = h.login(kRoom);
    h.presenceFrom(kRoom, "alice", kGuest);
    EXPECT_TRUE(h.ownerGrants().empty());
    AuthHarness::resultOf(h.request(kRoom, kGuest, session, "m1"));
    EXPECT_EQ(h.ownerGrants(), std::vector<std::string>{"g1@guest.example.com"});
}

TEST(AuthRoles, AnotherResourceOfTheSameUserIsNotTheBoundJid) {
    AuthHarness h;
    std::string session = h.login(kRoom);
    AuthHarness::resultOf(h.request(kRoom, kGuest, session, "m1"));
    h.presenceFrom(kRoom, "mallory", "g1@guest.example.com/other-resource");
    EXPECT_TRUE(h.ownerGrants().empty()) << "sessions are bound to full JIDs";
}

TEST(AuthRoles, OnTheFocusJoinEveryBoundOccupantIsGranted) {
    AuthHarness h;
    // Two sessions made elsewhere, bound to two guests; the room exists in the MUC before the focus joins.
    std::string s1 = h.login("other@conference.example.com", "alice@example.com/a", "m1");
    std::string s2 = h.login("other@conference.example.com", "bob@example.com/b", "m2");
    h.ownerGrants();
    EXPECT_FALSE(h.request(kRoom, "g1@guest.example.com/a", s1, "m1"));
    AuthHarness::resultOf(h.request("other@conference.example.com", "g2@guest.example.com/b", s2, "m2"));
    ASSERT_TRUE(h.client.take("presence")) << "join presence";
    h.presenceFrom(kRoom, "alice", "g1@guest.example.com/a");
    h.presenceFrom(kRoom, "bob", "g2@guest.example.com/b");
    h.presenceFrom(kRoom, "eve", "g3@guest.example.com/c");
    h.presenceFrom(kRoom, "focus", "focus@auth.example.com/focus1", "owner", "moderator", {110, 201});
    h.takeClientIq();  // the configuration submit
    h.takeClientIq();  // the form fetch
    auto grants = h.ownerGrants();
    std::sort(grants.begin(), grants.end());
    EXPECT_EQ(grants, (std::vector<std::string>{"g1@guest.example.com", "g2@guest.example.com"}));
}

TEST(AuthRoles, DisableAutoOwnerDoesNotStopAuthenticatedGrants) {
    AuthHarness::Options o;
    o.focus.disableAutoOwner = true;
    AuthHarness h(o);
    std::string session = h.login(kRoom);
    AuthHarness::resultOf(h.request(kRoom, kGuest, session, "m1"));
    h.presenceFrom(kRoom, "alice", kGuest);
    EXPECT_EQ(h.ownerGrants(), std::vector<std::string>{"g1@guest.example.com"});
}

TEST(AuthRoles, AGrantInFlightIsNotRepeated) {
    AuthHarness h;
    std::string session = h.login(kRoom);
    AuthHarness::resultOf(h.request(kRoom, kGuest, session, "m1"));
    h.presenceFrom(kRoom, "alice", kGuest);
    // A second event (the same session bound again) before the server answered the first grant.
    AuthHarness::resultOf(h.request(kRoom, kGuest, session, "m1"));
    EXPECT_EQ(h.ownerGrants().size(), 1u);
}
