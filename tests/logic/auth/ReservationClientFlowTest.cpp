// The conference IQ with the real reservation client against a scripted REST API on a local POCO HTTP
// server (docs/protocol.md §4.3 step 4, §6.7): the real FocusManager and XMPP-domain authority run on a real
// loop thread; the test plays the MUC service through FakeChannels, touched only on that thread.
#include <thread>

#include "auth/AuthFactory.h"
#include "conference/FocusManager.h"
#include "http/reservation/ReservationClient.h"
#include "logic/conference/FocusHarness.h"
#include "unit/http/FakeReservationApi.h"

using namespace jicofo;
using namespace jicofo::test;
using namespace std::chrono_literals;
using protocol::Iq;

namespace {

const std::string kRoom = "r1@conference.example.com";

std::string conferenceJson(int id, const std::string& owner, int duration) {
    return R"({"id":)" + std::to_string(id) + R"(,"name":"r1","mail_owner":")" + owner +
           R"(","start_time":")" + http::reservation::formatStartTime(std::chrono::system_clock::now()) +
           R"(","duration":)" + std::to_string(duration) + "}";
}

// What AuthWiring does in the app: the gate over the REST client.
struct ClientGate : conference::ReservationGate {
    http::reservation::ReservationClient* client = nullptr;
    void requestNewRoom(const util::Jid& room, const std::string& owner, Decision done) override {
        client->createConference(room, owner, std::move(done));
    }
    void conferenceEnded(const util::Jid& room) override { client->onConferenceEnded(room); }
};

auth::AuthSettings xmppDomain() {
    auth::AuthSettings s;
    s.url = "XMPP:example.com";
    return s;
}

// Everything the loop owns, built and destroyed on the loop thread.
struct Focus {
    explicit Focus(util::Loop& loop, const std::string& base)
        : component(jid("focus.example.com")),
          client(jid("focus@auth.example.com/focus1")),
          componentRouter(component, loop),
          clientRouter(client, loop),
          authority(std::move(auth::createAuthority(loop, xmppDomain()).value())),
          ctx{loop,    component,       client, clientRouter, FocusHarness::defaults(),
              nullptr, authority.get(), &gate},
          manager(ctx) {
        http::reservation::ReservationSettings s;
        s.baseUrl = base;
        s.requestTimeout = 300ms;
        s.checkInterval = 50ms;
        reservations = std::move(
            http::reservation::ReservationClient::create(
                loop, s,
                [this](const util::Jid& room, const std::string& why) { manager.destroyRoom(room, why); })
                .value());
        gate.client = reservations.get();
        reservations->start();
        componentRouter.registerHandler<protocol::ConferenceIq>(
            protocol::IqType::Set, "conference", protocol::ns::kFocus,
            [this](const Iq& iq, const protocol::ConferenceIq& c) {
                return manager.handleConferenceIq(iq, c);
            });
    }
    ~Focus() { reservations->stop(); }

    FakeChannel component, client;
    xmpp::IqRouter componentRouter, clientRouter;
    std::unique_ptr<auth::AuthAuthority> authority;
    ClientGate gate;
    conference::FocusContext ctx;
    conference::FocusManager manager;
    std::unique_ptr<http::reservation::ReservationClient> reservations;
};

class ReservationClientFlow : public ::testing::Test {
  protected:
    void SetUp() override {
        focus_ = loop_.sync([&] { return new Focus(loop_.loop, api_.base()); });
    }
    void TearDown() override {
        loop_.sync([&] {
            delete focus_;
            return 0;
        });
        loop_.stop();
    }

    void request(const std::string& from, const std::string& room = kRoom) {
        loop_.sync([&] {
            protocol::ConferenceIq c;
            c.room = room;
            c.machineUid = "m1";
            Iq iq = Iq::request(protocol::IqType::Set, jid("focus.example.com"), c.toElement());
            iq.from = jid(from);
            focus_->componentRouter.handle(iq.toElement());
            return 0;
        });
    }
    // Polls the loop until fn() gives a value (5 s at most).
    template <typename F>
    auto waitFor(F fn) -> decltype(fn()) {
        auto end = std::chrono::steady_clock::now() + 5s;
        for (;;) {
            auto v = loop_.sync(fn);
            if (v || std::chrono::steady_clock::now() > end) return v;
            std::this_thread::sleep_for(5ms);
        }
    }
    std::optional<Iq> componentReply() {
        return waitFor([&]() -> std::optional<Iq> {
            auto e = focus_->component.take("iq");
            return e ? std::optional<Iq>(Iq::parse(*e).value()) : std::nullopt;
        });
    }
    std::optional<Iq> clientIq(const std::string& childNs) {
        return waitFor([&]() -> std::optional<Iq> {
            for (auto& e : focus_->client.sent())
                if (e.name() == "iq")
                    if (auto iq = Iq::parse(e); iq && iq->payload && iq->payload->ns() == childNs)
                        return iq.value();
            return std::nullopt;
        });
    }
    // Plays the MUC service for the focus's join of kRoom (as FocusHarness::completeJoin, on the loop).
    void completeJoin() {
        ASSERT_TRUE(waitFor([&] { return focus_->client.take("presence"); })) << "no join presence";
        loop_.sync([&] {
            FakeChannel& c = focus_->client;
            auto answer = [&](std::optional<xml::Element> payload) {
                Iq req = Iq::parse(*c.take("iq")).value();
                Iq res = req.result(std::move(payload));
                res.from = req.to;
                res.to = c.localJid();
                focus_->clientRouter.handle(res.toElement());
            };
            xml::Element self("presence", protocol::ns::kClient);
            self.setAttr("from", kRoom + "/focus");
            auto& item = self.addChild("x", protocol::ns::kMucUser).addChild("item");
            item.setAttr("affiliation", "owner");
            item.setAttr("role", "moderator");
            focus_->manager.handlePresence(self);
            answer(std::nullopt);  // the configuration submit
            answer(std::nullopt);  // the form fetch (no meeting id)
            return 0;
        });
    }

    LoopThread loop_;
    FakeReservationApi api_;
    Focus* focus_ = nullptr;
};

}  // namespace

TEST_F(ReservationClientFlow, TheOwnersReservationLetsTheFocusCreateTheRoom) {
    api_.on("POST", "/conference", {201, conferenceJson(7, "alice@example.com", 3600)});
    request("alice@example.com/web");
    ASSERT_TRUE(api_.waitFor("POST", "/conference", 1));
    auto post = api_.seen()[0];
    EXPECT_NE(post.body.find("name=r1"), std::string::npos) << post.body;
    EXPECT_NE(post.body.find("mail_owner=alice%40example.com"), std::string::npos) << post.body;
    completeJoin();
    auto reply = componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->type, protocol::IqType::Result) << reply->toElement().toString();
}

TEST_F(ReservationClientFlow, SomeoneElsesReservationIsRefusedWithCode3) {
    api_.on("POST", "/conference", {409, R"({"conflict_id": 9})"});
    api_.on("GET", "/conference/9", {200, conferenceJson(9, "bob@example.com", 3600)});
    request("alice@example.com/web");
    auto reply = componentReply();
    ASSERT_TRUE(reply);
    ASSERT_TRUE(reply->error);
    EXPECT_EQ(reply->error->condition, "service-unavailable");
    ASSERT_TRUE(reply->error->appSpecific);
    EXPECT_EQ(reply->error->appSpecific->attr("error-code"), "3");
    EXPECT_EQ(loop_.sync([&] { return focus_->manager.conferenceCount(); }), 0u);
}

TEST_F(ReservationClientFlow, ASlowApiIsAnErrorAndTheFocusGoesOn) {
    api_.on("POST", "/conference", {201, conferenceJson(7, "alice@example.com", 3600), 2000ms});
    request("alice@example.com/web");
    auto reply = componentReply();
    ASSERT_TRUE(reply);
    ASSERT_TRUE(reply->error);
    EXPECT_EQ(reply->error->appSpecific->attr("error-code"), "100");
    // The API is back: the same request now works.
    api_.on("POST", "/conference", {201, conferenceJson(7, "alice@example.com", 3600)});
    request("alice@example.com/web");
    completeJoin();
    reply = componentReply();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->type, protocol::IqType::Result);
}

TEST_F(ReservationClientFlow, TheApiMessageIsTheErrorText) {
    api_.on("POST", "/conference", {403, R"({"error":"quota","message":"No more rooms today"})"});
    request("alice@example.com/web");
    auto reply = componentReply();
    ASSERT_TRUE(reply && reply->error);
    EXPECT_EQ(reply->error->appSpecific->attr("error-code"), "100");
    EXPECT_EQ(reply->error->text, "No more rooms today");
}

TEST_F(ReservationClientFlow, TheEndOfTheConferenceDeletesTheReservation) {
    api_.on("POST", "/conference", {201, conferenceJson(7, "alice@example.com", 3600)});
    api_.on("DELETE", "/conference/7", {200, ""});
    request("alice@example.com/web");
    completeJoin();
    ASSERT_TRUE(componentReply());
    loop_.sync([&] {
        focus_->manager.stopAll("test");
        return 0;
    });
    EXPECT_TRUE(api_.waitFor("DELETE", "/conference/7", 1)) << "deleted although authentication is on";
}

TEST_F(ReservationClientFlow, TheDurationGuardDestroysTheRoomThroughTheFocus) {
    // duration 0: over at the next check.
    api_.on("POST", "/conference", {201, conferenceJson(7, "alice@example.com", 0)});
    api_.on("DELETE", "/conference/7", {200, ""});
    request("alice@example.com/web");
    completeJoin();
    ASSERT_TRUE(componentReply());
    auto destroy = clientIq(protocol::ns::kMucOwner);
    ASSERT_TRUE(destroy) << "the focus destroys the room";
    const auto* d = destroy->payload->child("destroy");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->child("reason")->text(), "Scheduled conference duration exceeded.");
    EXPECT_TRUE(api_.waitFor("DELETE", "/conference/7", 1));
}
