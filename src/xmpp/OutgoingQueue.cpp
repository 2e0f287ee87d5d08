#include "xmpp/OutgoingQueue.h"

namespace jicofo::xmpp {

OutgoingQueue::Push OutgoingQueue::push(std::string data) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (closed_) return Push::Closed;
        if (pending_ + data.size() > maxBytes_) return Push::Full;
        pending_ += data.size();
        pieces_.push_back(std::move(data));
    }
    cv_.notify_one();
    return Push::Queued;
}

std::optional<std::string> OutgoingQueue::take(std::size_t maxBatch) {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return closed_ || !pieces_.empty(); });
    if (closed_) return std::nullopt;
    // Joining small stanzas makes one write (and one TLS record) of many.
    std::string batch = std::move(pieces_.front());
    pieces_.pop_front();
    while (!pieces_.empty() && batch.size() + pieces_.front().size() <= maxBatch) {
        batch += pieces_.front();
        pieces_.pop_front();
    }
    return batch;
}

void OutgoingQueue::written(std::size_t n) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = n > pending_ ? 0 : pending_ - n;
}

void OutgoingQueue::close() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
        pieces_.clear();
    }
    cv_.notify_all();
}

std::size_t OutgoingQueue::pending() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return pending_;
}

}  // namespace jicofo::xmpp
