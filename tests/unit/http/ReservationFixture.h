#pragma once
// The fixture of the reservation client tests: the real loop on a thread, a scripted API on a local HTTP
// server, a client with short timeouts and a skewable wall clock, and the rooms it asked to destroy.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>

#include "http/reservation/ReservationClient.h"
#include "http/reservation/ReservationTime.h"
#include "protocol/stanza/Namespaces.h"
#include "unit/http/FakeReservationApi.h"

namespace jicofo::test {

using namespace std::chrono_literals;
using http::reservation::ReservationClient;
using http::reservation::ReservationSettings;
using protocol::StanzaError;

inline const util::Jid kRoom = *util::Jid::parse("myroom@conference.example.com");

inline std::string conferenceJson(int id, const std::string& owner, const std::string& start, int duration) {
    return R"({"id":)" + std::to_string(id) + R"(,"name":"myroom","mail_owner":")" + owner +
           R"(","start_time":")" + start + R"(","duration":)" + std::to_string(duration) +
           R"(,"url":"http://x/myroom","pin":"1234","sip_id":5551})";
}

class ReservationFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        ReservationSettings s;
        s.baseUrl = api_.base();
        s.requestTimeout = 400ms;
        s.checkInterval = 50ms;
        s.wallClock = [this] {
            return std::chrono::system_clock::now() + std::chrono::milliseconds(skew_.load());
        };
        auto made =
            ReservationClient::create(loop_.loop, s, [this](const util::Jid& room, const std::string& why) {
                std::lock_guard<std::mutex> lock(mutex_);
                destroyed_.emplace_back(room, why);
            });
        ASSERT_TRUE(made) << made.error().message;
        client_ = std::move(made.value());
        client_->start();
    }
    void TearDown() override {
        loop_.stop();  // then the client may go from this thread
        client_.reset();
    }

    // Asks for room as owner and waits for the decision; "timeout" if none came.
    std::optional<StanzaError> decide(const std::string& owner, const util::Jid& room = kRoom) {
        auto p = std::make_shared<std::promise<std::optional<StanzaError>>>();
        auto f = p->get_future();
        loop_.loop.post(
            [&, p] { client_->createConference(room, owner, [p](auto refusal) { p->set_value(refusal); }); });
        if (f.wait_for(5s) != std::future_status::ready)
            return StanzaError::of("undefined-condition", "timeout");
        return f.get();
    }
    static int codeOf(const StanzaError& e) {
        EXPECT_EQ(e.condition, "service-unavailable");
        EXPECT_TRUE(e.appSpecific);
        if (!e.appSpecific) return -1;
        EXPECT_EQ(e.appSpecific->name(), "reservation-error");
        EXPECT_EQ(e.appSpecific->ns(), protocol::ns::kFocus);
        return std::stoi(e.appSpecific->attr("error-code"));
    }
    std::vector<std::pair<util::Jid, std::string>> destroyed() {
        std::lock_guard<std::mutex> lock(mutex_);
        return destroyed_;
    }
    std::string now() { return http::reservation::formatStartTime(std::chrono::system_clock::now()); }

    test::LoopThread loop_;
    test::FakeReservationApi api_;
    std::unique_ptr<ReservationClient> client_;
    std::atomic<long long> skew_{0};
    std::mutex mutex_;
    std::vector<std::pair<util::Jid, std::string>> destroyed_;
};

}  // namespace jicofo::test
