#pragma once
// A deterministic Loop for logic tests: nothing runs until the test says so, and time only moves on
// advance().
#include <deque>
#include <map>

#include "util/FaultDomain.h"
#include "util/Loop.h"

namespace jicofo::test {

class ManualLoop : public util::Loop {
  public:
    // Like EventLoop, tasks keep the fault domain they were posted in (util/FaultDomain.h).
    void post(std::function<void()> fn) override { queue_.push_back(util::FaultDomain::bind(std::move(fn))); }
    util::TimerId schedule(util::Duration delay, std::function<void()> fn) override {
        util::TimerId id = nextId_++;
        timers_.emplace(id, Timer{now_ + delay, util::FaultDomain::bind(std::move(fn))});
        return id;
    }
    void cancel(util::TimerId id) override { timers_.erase(id); }
    util::TimePoint now() const override { return now_; }
    bool inLoopThread() const override { return true; }

    // Runs posted tasks (and what they post) until none is left.
    void runPending() {
        while (!queue_.empty()) {
            auto fn = std::move(queue_.front());
            queue_.pop_front();
            fn();
        }
    }
    // Moves the clock, running due timers in time order, and posted tasks after each.
    void advance(util::Duration d) {
        util::TimePoint end = now_ + d;
        runPending();
        for (;;) {
            auto next = timers_.end();
            for (auto it = timers_.begin(); it != timers_.end(); ++it)
                if (it->second.at <= end && (next == timers_.end() || it->second.at < next->second.at))
                    next = it;
            if (next == timers_.end()) break;
            now_ = std::max(now_, next->second.at);
            auto fn = std::move(next->second.fn);
            timers_.erase(next);
            fn();
            runPending();
        }
        now_ = end;
    }
    std::size_t timerCount() const { return timers_.size(); }

  private:
    struct Timer {
        util::TimePoint at;
        std::function<void()> fn;
    };
    util::TimePoint now_{};
    util::TimerId nextId_ = 1;
    std::map<util::TimerId, Timer> timers_;
    std::deque<std::function<void()>> queue_;
};

}  // namespace jicofo::test
