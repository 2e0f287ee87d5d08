#include "xmpp/Connection.h"

#include <Poco/Exception.h>
#include <Poco/Net/SocketAddress.h>

#include "protocol/stanza/Namespaces.h"
#include "xml/Writer.h"
#include "xmpp/SocketCompat.h"
#include "xmpp/XmppError.h"

namespace jicofo::xmpp {
namespace {

// Upper bound of one poll() so a close deadline is noticed even when nothing arrives.
constexpr util::Duration kPollSlice{200};

// See sock::ignoreSigpipe: a reset connection must not kill the process.
void ignoreSigpipeOnce() {
    static std::once_flag once;
    std::call_once(once, [] { sock::ignoreSigpipe(); });
}

}  // namespace

class Connection::ParserListener : public xml::StreamParser::Listener {
  public:
    explicit ParserListener(std::deque<Event>& events) : events_(events) {}
    void onStreamOpen(const xml::Element& header) override {
        events_.push_back({Event::Kind::StreamOpen, header, {}});
    }
    void onStanza(xml::Element stanza) override {
        events_.push_back({Event::Kind::Stanza, std::move(stanza), {}});
    }
    void onStanzaRefused(const xml::Element& envelope, const std::string& why) override {
        events_.push_back({Event::Kind::Refused, envelope, why});
    }
    void onStreamClose() override { events_.push_back({Event::Kind::StreamClose, {}, {}}); }

  private:
    std::deque<Event>& events_;
};

Connection::Connection(xml::ParserLimits limits)
    : listener_(std::make_unique<ParserListener>(events_)),
      parser_(std::make_unique<xml::StreamParser>(*listener_, limits)) {
    ignoreSigpipeOnce();
}

Connection::~Connection() {
    stopWriter();
    if (tls_) {
        std::lock_guard<std::mutex> lock(ioMutex_);
        tls_->shutdown();
    }
    try {
        socket_.close();
    } catch (const Poco::Exception&) {
    }
}

void Connection::connect(const std::string& host, uint16_t port, util::Duration timeout) {
    peer_ = host + ":" + std::to_string(port);
    Poco::Net::SocketAddress address;
    try {
        address = Poco::Net::SocketAddress(host, port);
    } catch (const Poco::Exception& e) {
        throw XmppError("cannot resolve " + host + ": " + e.displayText());
    }
    try {
        socket_.connectNB(address);
    } catch (const Poco::Exception& e) {
        throw XmppError("cannot connect to " + peer_ + ": " + e.displayText());
    }
    fd_ = static_cast<int>(socket_.impl()->sockfd());
    // abort() may have run before fd_ was known; it set the flag first, so checking it now loses nothing.
    if (aborted_) throwAborted();
    if (!waitFd(POLLOUT, util::Clock::now() + timeout))
        throw XmppError("connecting to " + peer_ + " timed out after " + std::to_string(timeout.count()) +
                        " ms");
    int err = 0;
    if (sock::pendingError(fd_, err) != 0) err = sock::lastError();
    if (err != 0) throw XmppError("cannot connect to " + peer_ + ": " + sock::errorText(err));
    // Stanzas are small and latency-bound (IQ round trips): never let Nagle hold one back.
    socket_.setNoDelay(true);
}

void Connection::startTls(const TlsOptions& options, util::TimePoint deadline) {
    tls_ = std::make_unique<TlsLayer>(fd_.load(), options);
    for (;;) {
        TlsLayer::Io io;
        {
            std::lock_guard<std::mutex> lock(ioMutex_);
            io = tls_->handshake();
        }
        if (io == TlsLayer::Io::Done) return;
        if (!waitFd(io == TlsLayer::Io::WantRead ? POLLIN : POLLOUT, deadline))
            throw XmppError("TLS handshake with " + peer_ + " timed out");
    }
}

std::string Connection::tlsDescription() const {
    return tls_ ? tls_->describe() : std::string("plaintext");
}

void Connection::openStream(const std::string& ns, const std::string& to, bool version1) {
    std::string header = "<?xml version='1.0'?><stream:stream xmlns='";
    xml::Writer::escape(header, ns, true);
    header += "' xmlns:stream='";
    header += protocol::ns::kStream;
    header += "' to='";
    xml::Writer::escape(header, to, true);
    header += version1 ? "' version='1.0' xml:lang='en'>" : "'>";
    writeRaw(header);
}

void Connection::writeStanza(const xml::Element& stanza, std::string_view streamNs) {
    writeRaw(xml::Writer::write(stanza, streamNs));
}

void Connection::writeStanza(const xml::Element& stanza, std::string_view streamNs,
                             const xml::Writer::StanzaRewrite& r) {
    writeRaw(xml::Writer::write(stanza, streamNs, r));
}

Connection::Event Connection::next(std::optional<util::TimePoint> deadline) {
    while (events_.empty()) {
        char buf[16384];
        size_t n = readSome(buf, sizeof buf, deadline);
        if (!parser_->feed(buf, n)) throw XmppError("invalid XML from " + peer_ + ": " + parser_->error());
    }
    Event e = std::move(events_.front());
    events_.pop_front();
    return e;
}

void Connection::restart() {
    parser_->reset();
    events_.clear();
}

size_t Connection::readSome(char* buf, size_t capacity, std::optional<util::TimePoint> deadline) {
    for (;;) {
        if (aborted_) throwAborted();
        short want = POLLIN;
        if (tls_) {
            size_t got = 0;
            TlsLayer::Io io;
            {
                std::lock_guard<std::mutex> lock(ioMutex_);
                io = tls_->read(buf, capacity, got);
            }
            if (io == TlsLayer::Io::Done) return got;
            if (io == TlsLayer::Io::Closed) {
                if (aborted_) throwAborted();
                throw XmppError("connection closed by " + peer_);
            }
            want = io == TlsLayer::Io::WantRead ? POLLIN : POLLOUT;
        } else {
            auto n = sock::recvSome(fd_, buf, capacity);
            if (n > 0) return static_cast<size_t>(n);
            int err = n < 0 ? sock::lastError() : 0;
            if (n < 0 && sock::interrupted(err)) continue;
            if (n == 0 || !sock::wouldBlock(err)) {
                if (aborted_) throwAborted();
                if (n == 0) throw XmppError("connection closed by " + peer_);
                throw XmppError("read from " + peer_ + " failed: " + sock::errorText(err));
            }
        }
        if (!waitFd(want, deadline)) throw XmppError("timed out waiting for " + peer_);
    }
}

bool Connection::waitFd(short events, std::optional<util::TimePoint> until) {
    for (;;) {
        if (aborted_) throwAborted();
        auto now = util::Clock::now();
        long long closing = closeDeadline_.load();
        if (closing != 0 && now.time_since_epoch().count() >= closing) {
            abort("the server did not close the stream in time");
            throwAborted();
        }
        if (until && now >= *until) return false;
        auto slice = std::chrono::duration_cast<util::Duration>(kPollSlice);
        if (until) slice = std::min(slice, std::chrono::ceil<util::Duration>(*until - now));
        pollfd p{};
        p.fd = fd_.load();
        p.events = events;
        int r = sock::pollOne(p, static_cast<int>(slice.count()));
        // Errors and hang-ups count as ready: the read or write that follows reports them.
        if (r > 0) return true;
        if (r < 0) {
            int err = sock::lastError();
            if (!sock::interrupted(err)) throw XmppError("poll failed: " + sock::errorText(err));
        }
    }
}

void Connection::closeStream(util::Duration grace) {
    long long deadline = (util::Clock::now() + grace).time_since_epoch().count();
    long long expected = 0;
    if (!closeDeadline_.compare_exchange_strong(expected, deadline)) return;
    try {
        writeRaw("</stream:stream>");
    } catch (const XmppError&) {
        // Best effort: the reader notices the dead connection anyway.
    }
}

void Connection::abort(const std::string& reason) {
    auto r = std::make_shared<const std::string>(reason);
    std::shared_ptr<const std::string> none;
    if (!std::atomic_compare_exchange_strong(&abortReason_, &none, r)) return;
    aborted_ = true;
    // shutdown() (not close()) wakes a reader blocked in poll() without freeing the descriptor under it.
    int fd = fd_.load();
    if (fd >= 0) sock::shutdownBoth(fd);
}

void Connection::throwAborted() const {
    auto r = std::atomic_load(&abortReason_);
    throw XmppError(r ? *r : std::string("connection aborted"));
}

}  // namespace jicofo::xmpp
