#pragma once
// The focus loop (docs/architecture.md §2): one thread owns all domain state; everything else posts to it.
// Tests drive a ManualLoop with a fake clock through the same interface.
#include <chrono>
#include <cstdint>
#include <functional>

namespace jicofo::util {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;
using Duration = std::chrono::milliseconds;
using TimerId = std::uint64_t;

class Loop {
  public:
    virtual ~Loop() = default;
    // Runs fn on the loop thread, after what was posted before. Safe from any thread.
    virtual void post(std::function<void()> fn) = 0;
    // Runs fn on the loop once delay has passed. Safe from any thread. Ids are never 0.
    virtual TimerId schedule(Duration delay, std::function<void()> fn) = 0;
    // A cancelled or already-run timer is ignored. Safe from any thread.
    virtual void cancel(TimerId id) = 0;
    virtual TimePoint now() const = 0;
    // True when called on the loop thread (used by assertions and by senders that may skip a post).
    virtual bool inLoopThread() const = 0;
};

}  // namespace jicofo::util
