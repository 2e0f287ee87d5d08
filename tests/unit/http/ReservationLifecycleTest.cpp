// The reservation client's life-cycle part (docs/protocol.md §6.7): the duration guard, DELETE when the
// conference ends, and the base URL check.
#include <gtest/gtest.h>

#include "unit/http/ReservationFixture.h"

using namespace jicofo;
using namespace std::chrono_literals;
using jicofo::http::reservation::ReservationClient;
using jicofo::http::reservation::ReservationSettings;
using jicofo::protocol::StanzaError;
using jicofo::test::conferenceJson;
using jicofo::test::kRoom;
using Reply = jicofo::test::FakeReservationApi::Reply;

namespace {
using Reservations = jicofo::test::ReservationFixture;
}  // namespace

TEST_F(Reservations, DurationGuardDeletesAndDestroysTheRoom) {
    // duration 10 s: over once more than 10000 - 5000 = 5000 ms have passed since start_time.
    api_.on("POST", "/conference", {201, conferenceJson(42, "alice@example.com", now(), 10)});
    api_.on("DELETE", "/conference/42", {200, ""});
    ASSERT_EQ(decide("alice@example.com"), std::nullopt);
    std::this_thread::sleep_for(200ms);  // several checks pass
    EXPECT_TRUE(destroyed().empty());
    skew_ = 4500;  // 4.5 s (+ the real time this test took so far) is still within 5 s
    std::this_thread::sleep_for(200ms);
    EXPECT_TRUE(destroyed().empty());
    EXPECT_EQ(api_.count("DELETE", "/conference/42"), 0u);
    skew_ = 6000;  // the wall clock jumps past the threshold
    ASSERT_TRUE(api_.waitFor("DELETE", "/conference/42", 1));
    auto d = destroyed();
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].first, kRoom);
    EXPECT_EQ(d[0].second, "Scheduled conference duration exceeded.");
    EXPECT_FALSE(loop_.sync([&] { return client_->conference(kRoom) != nullptr; }));
    // The conference then ends: nothing left to delete.
    loop_.sync([&] {
        client_->onConferenceEnded(kRoom);
        return 0;
    });
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(api_.count("DELETE", "/conference/42"), 1u);
    EXPECT_EQ(destroyed().size(), 1u);
}

TEST_F(Reservations, NoDurationMeansOverAtTheNextCheck) {
    api_.on("POST", "/conference",
            {201, R"({"id":5,"name":"myroom","mail_owner":"a@b","start_time":")" + now() + "\"}"});
    ASSERT_EQ(decide("a@b"), std::nullopt);
    ASSERT_TRUE(api_.waitFor("DELETE", "/conference/5", 1));
    EXPECT_EQ(destroyed().size(), 1u);
}

TEST_F(Reservations, ConferenceEndDeletesTheReservation) {
    api_.on("POST", "/conference", {201, conferenceJson(42, "alice@example.com", now(), 3600)});
    api_.on("DELETE", "/conference/42", {200, ""});
    ASSERT_EQ(decide("alice@example.com"), std::nullopt);
    loop_.sync([&] {
        client_->onConferenceEnded(kRoom);
        return 0;
    });
    ASSERT_TRUE(api_.waitFor("DELETE", "/conference/42", 1));
    EXPECT_FALSE(loop_.sync([&] { return client_->conference(kRoom) != nullptr; }));
    // A room the client never reserved: no call.
    loop_.sync([&] {
        client_->onConferenceEnded(*util::Jid::parse("other@conference.example.com"));
        return 0;
    });
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(api_.seen().size(), 2u);
    EXPECT_TRUE(destroyed().empty());
    // Reserving the room again asks the API again.
    EXPECT_EQ(decide("alice@example.com"), std::nullopt);
    EXPECT_EQ(api_.count("POST", "/conference"), 2u);
}

TEST(ReservationConfig, BaseUrlMustBeHttp) {
    test::LoopThread loop;
    for (const char* bad :
         {"", "ftp://example.com/api", "https://", "http://[broken", "not a url", "http://h/api?x=1"}) {
        ReservationSettings s;
        s.baseUrl = bad;
        auto made = ReservationClient::create(loop.loop, s, nullptr);
        EXPECT_FALSE(made) << bad;
        if (!made) {
            EXPECT_NE(made.error().message.find("BASE_URL"), std::string::npos);
        }
    }
    ReservationSettings ok;
    ok.baseUrl = "http://127.0.0.1:1/api/";
    EXPECT_TRUE(ReservationClient::create(loop.loop, ok, nullptr));
}
