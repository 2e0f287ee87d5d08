// LoopCaller: HTTP threads asking the real focus loop, with timeouts and cancellation.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "http/LoopCall.h"
#include "unit/http/HttpTestUtil.h"

namespace jicofo::http {
namespace {

using namespace std::chrono_literals;

TEST(LoopCaller, AnswersFromTheLoopThread) {
    test::LoopThread t;
    LoopCaller caller(t.loop);
    auto onLoop = caller.call<bool>([&] { return t.loop.inLoopThread(); }, 2s);
    ASSERT_TRUE(onLoop.has_value());
    EXPECT_TRUE(*onLoop);
}

TEST(LoopCaller, AnAnswerGivenLaterOnTheLoopArrives) {
    test::LoopThread t;
    LoopCaller caller(t.loop);
    auto r = caller.callAsync<int>(
        [&](std::function<void(int)> done) { t.loop.schedule(util::Duration(30), [done] { done(7); }); }, 2s);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(*r, 7);
}

TEST(LoopCaller, LateAnswersTimeOutAndAreDropped) {
    test::LoopThread t;
    LoopCaller caller(t.loop);
    std::function<void(int)> later;
    auto start = std::chrono::steady_clock::now();
    auto r = caller.callAsync<int>([&](std::function<void(int)> done) { later = done; }, 100ms);
    EXPECT_FALSE(r.has_value());
    EXPECT_GE(std::chrono::steady_clock::now() - start, 100ms);
    t.sync([&] {
        later(5);  // nobody waits any more: harmless
        later(6);  // nor twice
        return 0;
    });
}

TEST(LoopCaller, CancelAllReleasesWaitersAtOnce) {
    test::LoopThread t;
    LoopCaller caller(t.loop);
    std::thread canceller([&] {
        std::this_thread::sleep_for(50ms);
        caller.cancelAll();
    });
    auto start = std::chrono::steady_clock::now();
    auto r = caller.callAsync<int>([](std::function<void(int)>) {}, 10s);
    canceller.join();
    EXPECT_FALSE(r.has_value());
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
    EXPECT_FALSE(caller.call<int>([] { return 1; }, 1s).has_value());
}

TEST(LoopCaller, AStuckLoopTimesOut) {
    test::LoopThread t;
    LoopCaller caller(t.loop);
    std::promise<void> release;
    auto released = release.get_future().share();
    t.loop.post([released] { released.wait(); });
    EXPECT_FALSE(caller.call<int>([] { return 1; }, 100ms).has_value());
    release.set_value();
}

}  // namespace
}  // namespace jicofo::http
