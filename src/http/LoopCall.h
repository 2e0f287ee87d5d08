#pragma once
// Asking the focus loop something from an HTTP thread: post a task, wait for its answer with a timeout, and
// give up early when the server stops (so SIGTERM is not held up by a health check in flight). The loop
// never waits for the HTTP side: an answer that comes after the caller gave up is dropped.
//
//   LoopCaller caller(loop);
//   std::optional<int> n = caller.call<int>([&] { return focus.conferenceCount(); }, 2s);
//   // an answer that needs more loop work (an IQ round trip): complete it whenever it is known
//   auto r = caller.callAsync<Report>([&](std::function<void(Report)> done) { startCheck(done); }, 10s);
//   caller.cancelAll();   // at shutdown: every waiting call returns nullopt at once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "util/Loop.h"

namespace jicofo::http {

class LoopCaller {
  public:
    explicit LoopCaller(util::Loop& loop) : loop_(loop) {}

    template <class T>
    std::optional<T> callAsync(std::function<void(std::function<void(T)> done)> start,
                               std::chrono::milliseconds timeout) {
        auto slot = std::make_shared<Slot<T>>();
        {
            std::lock_guard<std::mutex> lock(shared_->mutex);
            if (shared_->cancelled) return std::nullopt;
        }
        std::shared_ptr<Shared> shared = shared_;
        loop_.post([start = std::move(start), slot, shared] {
            start([slot, shared](T value) {
                std::lock_guard<std::mutex> lock(shared->mutex);
                if (slot->value) return;  // answered twice: the first answer stands
                slot->value = std::move(value);
                shared->cv.notify_all();
            });
        });
        std::unique_lock<std::mutex> lock(shared_->mutex);
        shared_->cv.wait_for(lock, timeout, [&] { return slot->value.has_value() || shared_->cancelled; });
        return slot->value;
    }

    template <class T>
    std::optional<T> call(std::function<T()> fn, std::chrono::milliseconds timeout) {
        return callAsync<T>([fn = std::move(fn)](std::function<void(T)> done) { done(fn()); }, timeout);
    }

    // Every waiting and later call returns nullopt at once.
    void cancelAll() {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        shared_->cancelled = true;
        shared_->cv.notify_all();
    }

  private:
    // Shared with posted tasks, which may outlive this object (they run after the caller gave up).
    struct Shared {
        std::mutex mutex;
        std::condition_variable cv;
        bool cancelled = false;
    };
    template <class T>
    struct Slot {
        std::optional<T> value;
    };

    util::Loop& loop_;
    std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
};

}  // namespace jicofo::http
