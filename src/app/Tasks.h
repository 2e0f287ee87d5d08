#pragma once
// The four POCO tasks of the focus (docs/architecture.md): the component stream, the focus user stream, the
// focus loop (conference registry) and the Colibri allocator. Each owns one thread of the TaskManager's pool.
#include <Poco/Task.h>

#include <functional>
#include <string>

#include "util/EventLoop.h"

namespace jicofo::app {

// Runs a blocking body (a stream's connect/read/reconnect cycle) until cancelled; stop() unblocks it.
class BlockingTask : public Poco::Task {
  public:
    BlockingTask(const std::string& name, std::function<void()> body, std::function<void()> stop)
        : Poco::Task(name), body_(std::move(body)), stop_(std::move(stop)) {}
    void runTask() override { body_(); }
    void cancel() override {
        Poco::Task::cancel();
        stop_();
    }

  private:
    std::function<void()> body_, stop_;
};

// The focus loop: every stanza and timer of the domain runs here.
class FocusLoopTask : public Poco::Task {
  public:
    explicit FocusLoopTask(util::EventLoop& loop) : Poco::Task("focus-loop"), loop_(loop) {}
    void runTask() override { loop_.run(); }
    void cancel() override {
        Poco::Task::cancel();
        loop_.stop();
    }

  private:
    util::EventLoop& loop_;
};

// The Colibri allocator's own thread: ticks the bridge registry's periodic work (rediscovery, health checks)
// onto the loop at its interval, so the loop never sleeps on that schedule itself.
class ColibriAllocatorTask : public Poco::Task {
  public:
    ColibriAllocatorTask(util::Loop& loop, util::Duration interval, std::function<void()> tick)
        : Poco::Task("colibri-allocator"), loop_(loop), interval_(interval), tick_(std::move(tick)) {}
    void runTask() override {
        if (interval_.count() <= 0) return;
        while (!sleep(static_cast<long>(interval_.count()))) loop_.post(tick_);
    }

  private:
    util::Loop& loop_;
    util::Duration interval_;
    std::function<void()> tick_;
};

}  // namespace jicofo::app
