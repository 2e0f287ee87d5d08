// Connection: the write path — synchronous writes before login completes, then the bounded outgoing queue
// and the writer thread that drains it (docs/architecture.md §2: the loop never waits on a socket).
#include "xmpp/Connection.h"
#include "xmpp/SocketCompat.h"
#include "xmpp/XmppError.h"

namespace jicofo::xmpp {
namespace {
// Queued stanzas joined into one write of about this size.
constexpr std::size_t kBatchBytes = 64 * 1024;
// Synchronous writes (login, test clients): the longest a peer may accept nothing.
constexpr util::Duration kWriteStall{30000};
}  // namespace

void Connection::writeRaw(std::string_view data) {
    if (!queued_) {
        std::lock_guard<std::mutex> lock(writeMutex_);
        if (!queued_) {  // (startWriter() may have run while this waited for the lock)
            writeNow(data, kWriteStall);
            return;
        }
    }
    if (aborted_) throwAborted();
    switch (outgoing_->push(std::string(data))) {
        case OutgoingQueue::Push::Queued:
            return;
        case OutgoingQueue::Push::Full:
            abort("more than " + std::to_string(outgoing_->maxBytes()) + " bytes waiting to be written to " +
                  peer_ + ": the server is not reading");
            throwAborted();
        case OutgoingQueue::Push::Closed:
            throwAborted();
    }
}

void Connection::startWriter(WriteLimits limits) {
    // A synchronous write in progress ends first: the writer thread must not interleave with it.
    std::lock_guard<std::mutex> lock(writeMutex_);
    if (queued_) return;
    limits_ = limits;
    outgoing_ = std::make_unique<OutgoingQueue>(limits.maxQueuedBytes);
    writer_ = std::thread([this] { writerLoop(); });
    queued_ = true;
}

void Connection::writerLoop() {
    try {
        while (auto batch = outgoing_->take(kBatchBytes)) {
            writeNow(*batch, limits_.stallTimeout);
            outgoing_->written(batch->size());
        }
    } catch (const std::exception& e) {
        // The reader's next() fails with this reason and the stream reconnects; nothing more is written.
        abort(e.what());
        outgoing_->close();
    }
}

void Connection::stopWriter() {
    if (!writer_.joinable()) return;
    // Output still waiting when the connection goes is dropped; a writer stuck on a peer that does not
    // read must not hold up whoever destroys the connection.
    if (outgoing_->pending() > 0) abort("connection closed with unwritten output");
    outgoing_->close();
    writer_.join();
}

void Connection::writeNow(std::string_view data, util::Duration stall) {
    util::TimePoint until = util::Clock::now() + stall;
    size_t off = 0;
    while (off < data.size()) {
        if (aborted_) throwAborted();
        short want = POLLOUT;
        if (tls_) {
            size_t written = 0;
            TlsLayer::Io io;
            {
                std::lock_guard<std::mutex> lock(ioMutex_);
                io = tls_->write(data.data() + off, data.size() - off, written);
            }
            if (io == TlsLayer::Io::Done) {
                off += written;
                until = util::Clock::now() + stall;
                continue;
            }
            if (io == TlsLayer::Io::Closed) throw XmppError("connection closed by " + peer_);
            want = io == TlsLayer::Io::WantRead ? POLLIN : POLLOUT;
        } else {
            auto n = sock::sendSome(fd_, data.data() + off, data.size() - off, sock::kNoSignal);
            if (n >= 0) {
                off += static_cast<size_t>(n);
                until = util::Clock::now() + stall;
                continue;
            }
            int err = sock::lastError();
            if (sock::interrupted(err)) continue;
            if (!sock::wouldBlock(err)) {
                if (aborted_) throwAborted();
                throw XmppError("write to " + peer_ + " failed: " + sock::errorText(err));
            }
        }
        if (!waitFd(want, until))
            throw XmppError("write to " + peer_ + " stalled: nothing accepted for " +
                            std::to_string(stall.count()) + " ms (the server is not reading)");
    }
}

}  // namespace jicofo::xmpp
