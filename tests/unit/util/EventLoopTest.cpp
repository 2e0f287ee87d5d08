// The real loop's contract with what its tasks own: a task's captures die outside the loop's lock, so an
// object handed to a task to be destroyed later (FocusManager does this with an ended conference) may
// cancel timers and post from its destructor.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

#include "util/EventLoop.h"

using namespace jicofo::util;

namespace {

// Cancels its timer and posts a last task when it dies, like an owner of pending requests does.
struct CancelsOnDestruction {
    CancelsOnDestruction(EventLoop& l, TimerId t, std::promise<void>& d) : loop(l), timer(t), destroyed(d) {}
    CancelsOnDestruction(const CancelsOnDestruction&) = delete;
    CancelsOnDestruction& operator=(const CancelsOnDestruction&) = delete;
    EventLoop& loop;
    TimerId timer;
    std::promise<void>& destroyed;
    ~CancelsOnDestruction() {
        loop.cancel(timer);
        loop.post([this] { destroyed.set_value(); });
    }
};

}  // namespace

TEST(EventLoop, ATaskMayOwnObjectsThatCancelTimersAndPostWhenTheyAreDestroyed) {
    // On the heap and leaked if the loop hangs: a stuck thread must not take the whole test binary down.
    auto* loop = new EventLoop;
    std::promise<void> destroyed;
    std::promise<void> timerRan;
    TimerId timer = loop->schedule(Duration(60000), [&] { timerRan.set_value(); });
    auto owned = std::make_shared<CancelsOnDestruction>(*loop, timer, destroyed);
    loop->post([owned] {});
    owned.reset();  // the posted task holds the last reference now
    std::thread runner([loop] { loop->run(); });

    auto done = destroyed.get_future();
    bool finished = done.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
    EXPECT_TRUE(finished) << "the loop hung destroying a task's captures (its lock was held)";
    if (!finished) {
        runner.detach();
        return;
    }
    loop->stop();
    runner.join();
    EXPECT_EQ(timerRan.get_future().wait_for(std::chrono::seconds(0)), std::future_status::timeout)
        << "the timer was cancelled by the destructor";
    delete loop;
}
