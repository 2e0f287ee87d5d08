// The conference IQ (docs/protocol.md §4): result, ready rules, errors, repeats, limits.
#include "logic/conference/FocusHarness.h"
#include "protocol/focus/ConferenceIq.h"

using namespace jicofo;
using namespace jicofo::test;

namespace {
const std::string kRoom = "r1@conference.example.com";

protocol::ConferenceIq resultPayload(const protocol::Iq& iq) {
    EXPECT_EQ(iq.type, protocol::IqType::Result);
    EXPECT_TRUE(iq.payload);
    return protocol::ConferenceIq::parse(*iq.payload).value();
}
}  // namespace

TEST(ConferenceRequest, AnsweredReadyOnceTheFocusHasJoinedAndConfiguredTheRoom) {
    FocusHarness h;
    h.requestConference(kRoom);
    EXPECT_FALSE(h.componentReply()) << "must not answer before the focus is in the room";
    auto join = h.client.take("presence");
    ASSERT_TRUE(join);
    EXPECT_EQ(join->attr("to"), kRoom + "/focus");
    EXPECT_TRUE(join->child("x", protocol::ns::kMuc));
    EXPECT_TRUE(join->child("c", protocol::ns::kCaps));

    // The configuration goes right behind the join (one round trip): FORM_TYPE and whois=anyone only.
    auto submit = protocol::Iq::parse(h.client.sent().front()).value();
    EXPECT_EQ(submit.type, protocol::IqType::Set);
    EXPECT_EQ(submit.to.str(), kRoom);
    ASSERT_EQ(submit.payload->ns(), protocol::ns::kMucOwner);
    const auto* x = submit.payload->child("x", protocol::ns::kDataForms);
    ASSERT_TRUE(x);
    EXPECT_EQ(x->attr("type"), "submit");
    bool whoisAnyone = false, formType = false;
    for (const auto* f : x->childrenNamed("field")) {
        if (f->attr("var") == "muc#roomconfig_whois") whoisAnyone = f->child("value")->text() == "anyone";
        if (f->attr("var") == "FORM_TYPE")
            formType = f->child("value")->text() == "http://jabber.org/protocol/muc#roomconfig";
    }
    EXPECT_TRUE(whoisAnyone) << "room must become non-anonymous";
    EXPECT_TRUE(formType);
    EXPECT_EQ(x->childrenNamed("field").size(), 2u) << "other fields are left as the server has them";
    h.answerClientIq();
    // Then the form is fetched for what the server adds to it (the meeting id).
    auto fetch = h.answerClientIq(FocusHarness::configForm());
    EXPECT_EQ(fetch.type, protocol::IqType::Get);
    EXPECT_EQ(fetch.payload->ns(), protocol::ns::kMucOwner);
    EXPECT_FALSE(h.componentReply()) << "configured, but the self-presence has not come yet";
    h.presenceFrom(kRoom, "focus", "focus@auth.example.com/focus1", "owner", "moderator", {110, 201});

    auto etherpad = h.client.take("presence");
    ASSERT_TRUE(etherpad);
    ASSERT_TRUE(etherpad->child("etherpad", protocol::ns::kEtherpad));
    EXPECT_EQ(etherpad->child("etherpad", protocol::ns::kEtherpad)->text().size(), 32u);

    auto reply = h.componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->id, "c1");
    EXPECT_EQ(reply->to.str(), "u1@example.com/r1");
    auto conf = resultPayload(*reply);
    EXPECT_EQ(conf.room, kRoom);
    EXPECT_EQ(conf.ready, true);
    EXPECT_EQ(conf.focusJid, "focus@auth.example.com");
    EXPECT_EQ(conf.property("authentication"), "false");
    EXPECT_FALSE(conf.property("externalAuth"));
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
}

TEST(ConferenceRequest, RoomIsEchoedVerbatimButMatchedCaseInsensitively) {
    FocusHarness h;
    h.requestConference("MyRoom@Conference.example.com");
    h.completeJoin("myroom@conference.example.com");  // Prosody answers from the folded JID
    auto reply = h.componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(resultPayload(*reply).room, "MyRoom@Conference.example.com");
    EXPECT_EQ(resultPayload(*reply).ready, true);
}

TEST(ConferenceRequest, RepeatForJoinedRoomAnswersAtOnceWithoutNewConference) {
    FocusHarness h;
    h.requestConference(kRoom);
    h.completeJoin(kRoom);
    ASSERT_TRUE(h.componentReply());
    h.client.clear();
    h.requestConference(kRoom, "u2@example.com/x", "c2");
    auto reply = h.componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->id, "c2");
    EXPECT_EQ(resultPayload(*reply).ready, true);
    EXPECT_EQ(h.manager.conferenceCount(), 1u);
    EXPECT_FALSE(h.client.take("presence")) << "no second join";
}

TEST(ConferenceRequest, RequestsWhileJoiningAreAllAnsweredWhenJoined) {
    FocusHarness h;
    h.requestConference(kRoom, "u1@example.com/r1", "a");
    h.requestConference(kRoom, "u2@example.com/r2", "b");
    EXPECT_FALSE(h.componentReply());
    h.completeJoin(kRoom);
    auto first = h.componentReply(), second = h.componentReply();
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->id, "a");
    EXPECT_EQ(second->id, "b");
}

TEST(ConferenceRequest, UserStreamDownAnswersNotReadyAndJoinsLater) {
    FocusHarness h;
    h.client.setConnected(false);
    h.requestConference(kRoom);
    auto reply = h.componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(resultPayload(*reply).ready, false);
    h.client.setConnected(true);
    h.manager.onClientConnected();
    h.completeJoin(kRoom);
    h.requestConference(kRoom, "u1@example.com/r1", "again");
    EXPECT_EQ(resultPayload(*h.componentReply()).ready, true);
}

TEST(ConferenceRequest, PasswordWithoutAuthorityMeansReadyOnceTheUserStreamIsUp) {
    auto s = FocusHarness::defaults();
    s.userHasPassword = true;
    FocusHarness h(s);
    h.client.setConnected(false);
    h.requestConference(kRoom);
    auto reply = h.componentReply();
    ASSERT_TRUE(reply);
    // Told ready, a client would join first and create the room itself, locked: after a Prosody restart the
    // focus's own join was then refused (item-not-found) and the room stayed without a focus.
    EXPECT_EQ(resultPayload(*reply).ready, false) << "the focus cannot be in the room yet";
    h.client.setConnected(true);
    h.manager.onClientConnected();
    h.completeJoin(kRoom);
    h.requestConference(kRoom, "u1@example.com/r1", "again");
    EXPECT_EQ(resultPayload(*h.componentReply()).ready, true);
}

TEST(ConferenceRequest, JoinFailureIsInternalServerErrorAndLeavesNoConference) {
    FocusHarness h;
    h.requestConference(kRoom);
    ASSERT_TRUE(h.client.take("presence"));
    h.presenceFrom(kRoom, "focus", "focus@auth.example.com/focus1", "owner", "moderator", {110});
    h.failClientIq("forbidden");  // configuration form refused
    auto reply = h.componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->type, protocol::IqType::Error);
    EXPECT_EQ(reply->error->condition, "internal-server-error");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
}

TEST(ConferenceRequest, FocusThatIsNotOwnerGivesUp) {
    FocusHarness h;
    h.requestConference(kRoom);
    ASSERT_TRUE(h.client.take("presence"));
    h.presenceFrom(kRoom, "focus", "focus@auth.example.com/focus1", "member", "participant", {110});
    auto reply = h.componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->error->condition, "internal-server-error");
    auto leave = h.client.take("presence");
    ASSERT_TRUE(leave);
    EXPECT_EQ(leave->attr("type"), "unavailable");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
}

TEST(ConferenceRequest, NoSelfPresenceInTimeFails) {
    FocusHarness h;
    h.requestConference(kRoom);
    h.loop.advance(std::chrono::seconds(6));
    auto reply = h.componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->error->condition, "internal-server-error");
    EXPECT_EQ(h.manager.conferenceCount(), 0u);
}

TEST(ConferenceRequest, MalformedRequestsGetBadRequestAndCreateNothing) {
    FocusHarness h;
    auto send = [&](xml::Element conf) {
        protocol::Iq iq = protocol::Iq::request(protocol::IqType::Set, jid("focus.example.com"), conf);
        iq.from = jid("evil@example.com/x");
        h.componentRouter.handle(iq.toElement());
        h.loop.runPending();
        return h.componentReply();
    };
    xml::Element noRoom("conference", protocol::ns::kFocus);
    auto r1 = send(noRoom);
    ASSERT_TRUE(r1);
    EXPECT_EQ(r1->error->condition, "bad-request");
    ASSERT_TRUE(r1->payload) << "the error copies the request's child";

    xml::Element notAJid("conference", protocol::ns::kFocus);
    notAJid.setAttr("room", "not a room");
    EXPECT_EQ(send(notAJid)->error->condition, "bad-request");

    xml::Element withResource("conference", protocol::ns::kFocus);
    withResource.setAttr("room", kRoom + "/nick");
    EXPECT_EQ(send(withResource)->error->condition, "bad-request");

    xml::Element huge("conference", protocol::ns::kFocus);
    huge.setAttr("room", kRoom);
    huge.setAttr("machine-uid", std::string(100000, 'x'));
    EXPECT_EQ(send(huge)->error->condition, "bad-request");

    xml::Element wrongNs("conference", "urn:example:other");
    wrongNs.setAttr("room", kRoom);
    EXPECT_EQ(send(wrongNs)->error->condition, "feature-not-implemented");

    EXPECT_EQ(h.manager.conferenceCount(), 0u);
    EXPECT_TRUE(h.client.sent().empty()) << "no room joined";
}

TEST(ConferenceRequest, PerRequesterLimitOnNewConferences) {
    auto s = FocusHarness::defaults();
    s.maxConferencesPerJid = 2;
    FocusHarness h(s);
    h.client.setConnected(false);
    h.requestConference("a@conference.example.com", "spam@example.com/1", "1");
    h.requestConference("b@conference.example.com", "spam@example.com/2", "2");
    h.requestConference("c@conference.example.com", "spam@example.com/3", "3");
    h.componentReply();
    h.componentReply();
    auto third = h.componentReply();
    ASSERT_TRUE(third);
    EXPECT_EQ(third->error->condition, "resource-constraint");
    h.requestConference("d@conference.example.com", "someone-else@example.com/1", "4");
    EXPECT_EQ(h.componentReply()->type, protocol::IqType::Result);
    EXPECT_EQ(h.manager.conferenceCount(), 3u);
}

TEST(ConferenceRequest, GracefulShutdownRefusesNewRoomsOnly) {
    FocusHarness h;
    h.requestConference(kRoom);
    h.completeJoin(kRoom);
    h.componentReply();
    bool idle = false;
    h.manager.startGracefulShutdown([&] { idle = true; });
    h.requestConference("other@conference.example.com", "u1@example.com/r1", "new");
    auto refused = h.componentReply();
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->error->condition, "service-unavailable");
    ASSERT_TRUE(refused->error->appSpecific);
    EXPECT_EQ(refused->error->appSpecific->name(), "graceful-shutdown");
    h.requestConference(kRoom, "u1@example.com/r1", "existing");
    EXPECT_EQ(resultPayload(*h.componentReply()).ready, true);
    EXPECT_FALSE(idle);
    h.manager.stopAll("test");
    h.loop.runPending();
    EXPECT_TRUE(idle);
}
