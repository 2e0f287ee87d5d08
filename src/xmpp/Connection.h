#pragma once
// One TCP connection carrying one XMPP stream (docs/architecture.md §2): connect with a timeout, optional
// STARTTLS upgrade, a reader that turns bytes into stream events, and writes from any thread.
//
// Threading: the owning reader thread calls connect/startTls/next/restart. write*() may be called from any
// thread. Until startWriter() they write on the caller (the login steps on the reader thread, test clients),
// one caller at a time; after it they only queue the bytes for the connection's writer thread, so the focus
// loop never waits on a socket (docs/architecture.md §2). Under TLS every OpenSSL call is serialised by the
// io mutex, held for that call only, never while waiting. abort() and closeStream() may be called from any
// thread and wake a blocked reader or writer promptly. The socket stays non-blocking; waiting is done with
// poll().
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "util/Loop.h"
#include "xml/Element.h"
#include "xml/StreamParser.h"
#include "xml/Writer.h"
#include "xmpp/OutgoingQueue.h"
#include "xmpp/TlsLayer.h"

namespace jicofo::xmpp {

class Connection {
  public:
    struct Event {
        // Refused: a stanza over a parser limit, skipped; element is its envelope, reason names the limit.
        enum class Kind { StreamOpen, Stanza, Refused, StreamClose } kind;
        xml::Element element;  // the header for StreamOpen, the stanza for Stanza
        std::string reason;
    };

    // The outgoing queue of startWriter().
    struct WriteLimits {
        // More output than this waiting to be written drops the stream (the peer is not keeping up).
        std::size_t maxQueuedBytes = std::size_t(8) << 20;
        // The peer accepting no byte of waiting output for this long drops the stream.
        util::Duration stallTimeout{20000};
    };

    explicit Connection(xml::ParserLimits limits = {});
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Resolves host and connects (TCP_NODELAY on). Throws XmppError naming host:port and the cause.
    void connect(const std::string& host, uint16_t port, util::Duration timeout);
    // Upgrades to TLS after <proceed/>. Throws XmppError (certificate errors name the trust-all property).
    void startTls(const TlsOptions& options, util::TimePoint deadline);
    bool secure() const { return tls_ != nullptr; }
    std::string tlsDescription() const;

    // Writes `<?xml?><stream:stream ...>` with the given default namespace; `to` is the server/component
    // domain. version1 adds version='1.0' (client streams; a XEP-0114 stream has none).
    void openStream(const std::string& ns, const std::string& to, bool version1);
    // Serialises the stanza with streamNs in scope (so the stanza itself carries no xmlns) and writes it.
    void writeStanza(const xml::Element& stanza, std::string_view streamNs);
    // The same, renaming namespaces and adding a default attribute while serialising (xml/Writer.h).
    void writeStanza(const xml::Element& stanza, std::string_view streamNs,
                     const xml::Writer::StanzaRewrite& r);
    // Thread-safe. Before startWriter(): writes now; throws XmppError on failure or after 30 s without
    // progress. After it: queues and returns at once; throws XmppError when the connection is aborted or the
    // queue is over its bound (which aborts the connection).
    void writeRaw(std::string_view data);
    // Once logged in (reader thread): from now on writes go through the bounded queue drained by a writer
    // thread of this connection. A write failure, a queue over limits.maxQueuedBytes or a peer accepting
    // nothing for limits.stallTimeout aborts the connection with the reason (next() then throws it). Call
    // once.
    void startWriter(WriteLimits limits);
    // Bytes queued and not yet written (always 0 before startWriter()).
    std::size_t queuedBytes() const { return queued_ ? outgoing_->pending() : 0; }

    // The next stream event, reading as needed. Throws XmppError on I/O or XML errors, on EOF, on abort
    // and when the deadline passes (no deadline = wait as long as the stream lives).
    Event next(std::optional<util::TimePoint> deadline = std::nullopt);
    // A new stream begins on the same connection (after STARTTLS or SASL success).
    void restart();

    // Sends </stream:stream> (best effort) and gives the server `grace` to answer with its own; after that
    // the reader's next() fails. Any thread.
    void closeStream(util::Duration grace);
    // Makes any blocked or future call fail promptly with `reason`. Any thread; the first reason wins.
    void abort(const std::string& reason);
    bool aborted() const { return aborted_.load(); }

    const std::string& peer() const { return peer_; }  // "host:port"

  private:
    class ParserListener;
    size_t readSome(char* buf, size_t capacity, std::optional<util::TimePoint> deadline);
    // Waits until fd is ready for `events`, `until` passes, or abort/close deadline. Returns false on
    // timeout.
    bool waitFd(short events, std::optional<util::TimePoint> until);
    [[noreturn]] void throwAborted() const;
    // Writes all of data on the calling thread; throws XmppError on failure or when the peer accepts nothing
    // for `stall` (ConnectionWriter.cpp).
    void writeNow(std::string_view data, util::Duration stall);
    void writerLoop();
    void stopWriter();

    Poco::Net::StreamSocket socket_;
    std::atomic<int> fd_{-1};
    std::string peer_;
    std::unique_ptr<TlsLayer> tls_;
    std::mutex ioMutex_;     // one OpenSSL call at a time
    std::mutex writeMutex_;  // one synchronous writer at a time (before startWriter())

    // After startWriter(): queued output and the thread that writes it.
    std::unique_ptr<OutgoingQueue> outgoing_;
    std::atomic<bool> queued_{false};
    WriteLimits limits_;
    std::thread writer_;

    std::unique_ptr<ParserListener> listener_;
    std::unique_ptr<xml::StreamParser> parser_;
    std::deque<Event> events_;

    std::atomic<bool> aborted_{false};
    std::shared_ptr<const std::string> abortReason_;
    std::atomic<long long> closeDeadline_{0};  // steady_clock ticks; 0 = not closing
};

}  // namespace jicofo::xmpp
