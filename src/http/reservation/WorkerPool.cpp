#include "http/reservation/WorkerPool.h"

#include "log/Log.h"

namespace jicofo::http::reservation {

void WorkerPool::start(size_t threads) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!threads_.empty() || stopping_) return;
    for (size_t i = 0; i < std::max<size_t>(threads, 1); ++i) threads_.emplace_back([this] { work(); });
}

void WorkerPool::stop() {
    std::vector<std::thread> threads;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        queue_.clear();
        threads.swap(threads_);
    }
    cv_.notify_all();
    for (auto& t : threads) t.join();
}

void WorkerPool::submit(std::function<void()> task) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return;
        queue_.push_back(std::move(task));
    }
    cv_.notify_one();
}

size_t WorkerPool::queued() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return queue_.size();
}

void WorkerPool::work() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        try {
            task();
        } catch (const std::exception& e) {
            JLOG(error) << "reservation worker task failed: " << e.what();
        }
    }
}

}  // namespace jicofo::http::reservation
