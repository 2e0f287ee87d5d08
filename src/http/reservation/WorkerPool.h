#pragma once
// A few threads for blocking HTTP calls, so the focus loop never waits on the network. Tasks queue until
// start(); stop() lets the running tasks finish, drops the queued ones and joins.
//
//   WorkerPool pool;
//   pool.submit([] { /* blocking call */ });
//   pool.start(2);   // from main()'s wiring (threads start there only)
//   pool.stop();
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace jicofo::http::reservation {

class WorkerPool {
  public:
    WorkerPool() = default;
    ~WorkerPool() { stop(); }
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void start(size_t threads);
    void stop();
    void submit(std::function<void()> task);  // any thread
    size_t queued() const;

  private:
    void work();

    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> queue_;
    std::vector<std::thread> threads_;
    bool stopping_ = false;
};

}  // namespace jicofo::http::reservation
