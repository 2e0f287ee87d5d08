// The reservation step of the conference IQ (docs/protocol.md §4.3 step 4, §6.7) and the room destruction of
// the duration guard, through the real FocusManager with a scripted reservation system.
#include "logic/auth/AuthHarness.h"
#include "protocol/focus/FocusErrors.h"

using namespace jicofo;
using namespace jicofo::test;

namespace {
const std::string kRoom = "r1@conference.example.com";

AuthHarness::Options withReservations() {
    AuthHarness::Options o;
    o.reservations = true;
    return o;
}
}  // namespace

TEST(ReservationFlow, ANewRoomWaitsForTheDecisionWithTheSessionIdentityAsOwner) {
    AuthHarness h(withReservations());
    EXPECT_FALSE(h.request(kRoom, "alice@example.com/web"));
    ASSERT_EQ(h.reservations.asked.size(), 1u);
    EXPECT_EQ(h.reservations.asked[0].room.str(), kRoom);
    EXPECT_EQ(h.reservations.asked[0].owner, "alice@example.com");
    EXPECT_FALSE(h.client.take("presence")) << "no room before the reservation system said yes";
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    h.reservations.decide();
    h.loop.runPending();
    h.completeJoin(kRoom);
    auto conf = AuthHarness::resultOf(h.componentReply());
    EXPECT_EQ(conf.ready, true);
    EXPECT_EQ(conf.identity, "alice@example.com");
}

TEST(ReservationFlow, ARefusalIsTheAnswerAndNoConferenceIsMade) {
    AuthHarness h(withReservations());
    h.request(kRoom, "alice@example.com/web");
    h.reservations.decide(protocol::focus_errors::reservationError(3, ""));
    h.loop.runPending();
    auto reply = h.componentReply();
    EXPECT_EQ(AuthHarness::conditionOf(reply), "service-unavailable");
    ASSERT_TRUE(reply->error->appSpecific);
    EXPECT_EQ(reply->error->appSpecific->name(), "reservation-error");
    EXPECT_EQ(reply->error->appSpecific->attr("error-code"), "3");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_FALSE(h.client.take("presence"));
}

TEST(ReservationFlow, UnauthenticatedRequestsNeverReachTheReservationSystem) {
    AuthHarness h(withReservations());
    EXPECT_EQ(AuthHarness::conditionOf(h.request(kRoom, "g1@guest.example.com/x")), "not-authorized");
    EXPECT_TRUE(h.reservations.asked.empty());
}

TEST(ReservationFlow, AnExistingRoomIsNotAskedAgain) {
    AuthHarness h(withReservations());
    h.request(kRoom, "alice@example.com/web");
    h.reservations.decide();
    h.loop.runPending();
    h.completeJoin(kRoom);
    h.componentReply();
    AuthHarness::resultOf(h.request(kRoom, "bob@guest.example.com/x"));
    EXPECT_EQ(h.reservations.asked.size(), 1u);
}

TEST(ReservationFlow, TwoRequestsRacingForANewRoomMakeOneConference) {
    AuthHarness h(withReservations());
    h.request(kRoom, "alice@example.com/a", std::nullopt, "m1");
    h.request(kRoom, "alice@example.com/b", std::nullopt, "m2");
    ASSERT_EQ(h.reservations.waiting.size(), 2u);
    h.reservations.decide();
    h.reservations.decide();
    h.loop.runPending();
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
    h.completeJoin(kRoom);
    EXPECT_EQ(AuthHarness::resultOf(h.componentReply()).ready, true);
    EXPECT_EQ(AuthHarness::resultOf(h.componentReply()).ready, true);
}

TEST(ReservationFlow, AGracefulShutdownDuringTheDecisionRefusesTheRoom) {
    AuthHarness h(withReservations());
    h.request(kRoom, "alice@example.com/web");
    h.manager.startGracefulShutdown([] {});
    h.reservations.decide();
    h.loop.runPending();
    auto reply = h.componentReply();
    EXPECT_EQ(AuthHarness::conditionOf(reply), "service-unavailable");
    ASSERT_TRUE(reply->error->appSpecific);
    EXPECT_EQ(reply->error->appSpecific->name(), "graceful-shutdown");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
}

TEST(ReservationFlow, TheEndOfAConferenceIsReportedAlsoWithAuthentication) {
    AuthHarness h(withReservations());
    h.request(kRoom, "alice@example.com/web");
    h.reservations.decide();
    h.loop.runPending();
    h.completeJoin(kRoom);
    h.presenceFrom(kRoom, "alice", "alice@example.com/web");
    h.presenceFrom(kRoom, "alice", "alice@example.com/web", "none", "none", {}, true);
    ASSERT_EQ(h.reservations.ended.size(), 1u);
    EXPECT_EQ(h.reservations.ended[0].str(), kRoom);
}

TEST(ReservationFlow, TheDurationGuardDestroysTheRoomAndTheConferenceEnds) {
    AuthHarness h(withReservations());
    h.request(kRoom, "alice@example.com/web");
    h.reservations.decide();
    h.loop.runPending();
    h.completeJoin(kRoom);
    h.presenceFrom(kRoom, "bob", "bob@guest.example.com/x");  // no session: no owner grant
    h.manager.destroyRoom(jid(kRoom), "Scheduled conference duration exceeded.");
    h.loop.runPending();
    auto destroy = h.takeClientIq();
    ASSERT_TRUE(destroy);
    EXPECT_EQ(destroy->type, protocol::IqType::Set);
    EXPECT_EQ(destroy->to.str(), kRoom);
    EXPECT_EQ(destroy->payload->ns(), protocol::ns::kMucOwner);
    const auto* d = destroy->payload->child("destroy");
    ASSERT_TRUE(d);
    ASSERT_TRUE(d->child("reason"));
    EXPECT_EQ(d->child("reason")->text(), "Scheduled conference duration exceeded.");
    // The server removes everyone; the focus's own unavailable presence carries <destroy/>.
    xml::Element gone("presence", protocol::ns::kClient);
    gone.setAttr("from", kRoom + "/focus");
    gone.setAttr("type", "unavailable");
    auto& x = gone.addChild("x", protocol::ns::kMucUser);
    auto& item = x.addChild("item");
    item.setAttr("affiliation", "none");
    item.setAttr("role", "none");
    x.addChild("destroy");
    x.addChild("status").setAttr("code", "110");
    h.manager.handlePresence(gone);
    h.loop.runPending();
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_EQ(h.reservations.ended.size(), 1u);
}

TEST(ReservationFlow, ARefusedDestructionStillEndsTheConference) {
    AuthHarness h(withReservations());
    h.request(kRoom, "alice@example.com/web");
    h.reservations.decide();
    h.loop.runPending();
    h.completeJoin(kRoom);
    h.presenceFrom(kRoom, "bob", "bob@guest.example.com/x");  // no session: no owner grant
    h.manager.destroyRoom(jid(kRoom), "Scheduled conference duration exceeded.");
    h.loop.runPending();
    auto destroy = h.takeClientIq(false);
    ASSERT_TRUE(destroy);
    protocol::Iq err = destroy->errorReply(protocol::StanzaError::of("forbidden"));
    err.from = destroy->to;
    err.to = h.client.localJid();
    h.clientRouter.handle(err.toElement());
    h.loop.runPending();
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    auto leave = h.client.take("presence");
    ASSERT_TRUE(leave);
    EXPECT_EQ(leave->attr("type"), "unavailable");
}

TEST(ReservationFlow, WithoutAnAuthorityTheOwnerIsEmpty) {
    AuthHarness::Options o = withReservations();
    o.authUrl = "";
    AuthHarness h(o);
    EXPECT_FALSE(h.request(kRoom, "u1@example.com/web"));
    ASSERT_EQ(h.reservations.asked.size(), 1u);
    EXPECT_EQ(h.reservations.asked[0].owner, "");
}
