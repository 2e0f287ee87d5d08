#pragma once
// The real loop: a queue and a timer heap served by whichever thread calls run(). Tasks and timers keep the
// fault domain current when they were posted (FaultDomain.h): an exception they throw goes to that domain;
// one thrown outside any domain goes to the error handler.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "util/Loop.h"

namespace jicofo::util {

class EventLoop : public Loop {
  public:
    // Called with any exception a task throws; the loop goes on. Set before run().
    using ErrorHandler = std::function<void(const std::exception&)>;

    void post(std::function<void()> fn) override;
    TimerId schedule(Duration delay, std::function<void()> fn) override;
    void cancel(TimerId id) override;
    TimePoint now() const override { return Clock::now(); }
    bool inLoopThread() const override { return std::this_thread::get_id() == owner_.load(); }

    void setErrorHandler(ErrorHandler h) { onError_ = std::move(h); }
    // Serves tasks until stop(); returns after the task running at that moment.
    void run();
    void stop();
    // Destroys every task and timer not run yet, without running them (after run() has returned, before the
    // objects those tasks may own outlive what they point to). Tasks posted by those destructors go too.
    void discardPending();
    // Number of tasks run so far (for the health check of the loop's responsiveness).
    std::uint64_t tasksRun() const { return tasksRun_.load(); }

  private:
    struct Timer {
        TimerId id;
        std::function<void()> fn;
    };
    void runOne(std::function<void()>& fn);

    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> queue_;
    std::multimap<TimePoint, Timer> timers_;
    TimerId nextId_ = 1;
    bool stopping_ = false;
    std::atomic<std::thread::id> owner_{};
    std::atomic<std::uint64_t> tasksRun_{0};
    ErrorHandler onError_;
};

}  // namespace jicofo::util
