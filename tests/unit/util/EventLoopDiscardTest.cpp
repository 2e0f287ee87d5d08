// EventLoop::discardPending: at shutdown the tasks the loop never ran (an ended conference waits in one to be
// destroyed) must die while what they point to still exists, not later in ~EventLoop (found by TSan: a
// conference's destructor reached the bridge registry after the app had destroyed it).
#include <gtest/gtest.h>

#include <memory>

#include "util/EventLoop.h"

using namespace jicofo::util;

namespace {

// Cancels its timer and posts when it dies, as a conference with pending requests does.
struct Owner {
    Owner(EventLoop& l, TimerId t, bool* g) : loop(l), timer(t), gone(g) {}
    Owner(const Owner&) = delete;
    EventLoop& loop;
    TimerId timer;
    bool* gone;
    ~Owner() {
        loop.cancel(timer);
        loop.post([] {});
        *gone = true;
    }
};

TEST(EventLoop, DiscardPendingDestroysUnrunTasksAndTimersWithoutRunningThem) {
    EventLoop loop;
    bool ran = false, gone = false, timerRan = false;
    auto owner =
        std::make_shared<Owner>(loop, loop.schedule(std::chrono::hours(1), [&] { timerRan = true; }), &gone);
    loop.post([owner, &ran] { ran = true; });
    loop.schedule(std::chrono::hours(2), [owner] {});
    owner.reset();
    EXPECT_FALSE(gone);
    loop.discardPending();
    EXPECT_TRUE(gone) << "the tasks' captures are destroyed now";
    EXPECT_FALSE(ran);
    EXPECT_FALSE(timerRan);
    // What the dying owner posted went too: a second call finds nothing to do.
    loop.discardPending();
}

}  // namespace
