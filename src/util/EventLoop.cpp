#include "util/EventLoop.h"

#include "util/FaultDomain.h"

namespace jicofo::util {

void EventLoop::post(std::function<void()> fn) {
    // A task posted by a conference's code runs in that conference's fault domain (FaultDomain.h).
    fn = FaultDomain::bind(std::move(fn));
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(std::move(fn));
    }
    cv_.notify_one();
}

TimerId EventLoop::schedule(Duration delay, std::function<void()> fn) {
    fn = FaultDomain::bind(std::move(fn));
    TimerId id;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        id = nextId_++;
        timers_.emplace(Clock::now() + delay, Timer{id, std::move(fn)});
    }
    cv_.notify_one();
    return id;
}

void EventLoop::cancel(TimerId id) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = timers_.begin(); it != timers_.end(); ++it) {
        if (it->second.id == id) {
            timers_.erase(it);
            return;
        }
    }
}

void EventLoop::runOne(std::function<void()>& fn) {
    try {
        fn();
    } catch (const std::exception& e) {
        if (onError_) onError_(e);
    } catch (...) {
        if (onError_) onError_(std::runtime_error("unknown exception"));
    }
    // Destroyed here, before run() takes the lock again: what the task captured may own objects whose
    // destructors cancel timers or post (a conference handed to a task to die outside its own callbacks
    // cancels its pending requests' timeouts), and those take the same, non-recursive, lock.
    fn = nullptr;
    ++tasksRun_;
}

void EventLoop::run() {
    owner_ = std::this_thread::get_id();
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        if (!queue_.empty()) {
            auto fn = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            runOne(fn);
            lock.lock();
            continue;
        }
        if (!timers_.empty() && timers_.begin()->first <= Clock::now()) {
            auto fn = std::move(timers_.begin()->second.fn);
            timers_.erase(timers_.begin());
            lock.unlock();
            runOne(fn);
            lock.lock();
            continue;
        }
        if (timers_.empty())
            cv_.wait(lock);
        else
            cv_.wait_until(lock, timers_.begin()->first);
    }
    stopping_ = false;
    owner_ = std::thread::id();
}

void EventLoop::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
}

void EventLoop::discardPending() {
    for (;;) {
        std::deque<std::function<void()>> queue;
        std::multimap<TimePoint, Timer> timers;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (queue_.empty() && timers_.empty()) return;
            queue.swap(queue_);
            timers.swap(timers_);
        }
        // Destroyed here, outside the lock: a dying task's objects may cancel timers or post.
    }
}

}  // namespace jicofo::util
