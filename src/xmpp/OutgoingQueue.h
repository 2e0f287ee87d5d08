#pragma once
// The bytes one connection still has to write (docs/architecture.md §2: the loop only enqueues, the
// connection's own writer thread sends). Bounded: a peer that stops reading fills it and loses its stream
// instead of making the producer wait.
//
//   OutgoingQueue q(8 << 20);
//   q.push(bytes);                       // any thread; Full once more than the bound would be unwritten
//   while (auto batch = q.take(65536)) { // writer thread; waits for bytes, nullopt once closed
//       write(*batch);
//       q.written(batch->size());
//   }
//   q.close();
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace jicofo::xmpp {

class OutgoingQueue {
  public:
    enum class Push { Queued, Full, Closed };

    explicit OutgoingQueue(std::size_t maxBytes) : maxBytes_(maxBytes) {}

    // Appends the bytes unless that would leave more than maxBytes unwritten (queued plus the batch being
    // written), or the queue is closed; then nothing is appended.
    Push push(std::string data);
    // Waits until bytes are queued or the queue is closed; returns the queued pieces joined, whole, up to
    // about maxBatch bytes (at least one piece), or nullopt once closed (unwritten bytes are dropped).
    std::optional<std::string> take(std::size_t maxBatch);
    // The writer sent n bytes of what take() returned.
    void written(std::size_t n);
    // Wakes take() for good; later pushes are refused.
    void close();

    // Bytes pushed and not yet written.
    std::size_t pending() const;
    std::size_t maxBytes() const { return maxBytes_; }

  private:
    const std::size_t maxBytes_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::string> pieces_;
    std::size_t pending_ = 0;
    bool closed_ = false;
};

}  // namespace jicofo::xmpp
