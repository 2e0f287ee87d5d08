#pragma once
// The common half of TestClient and TestComponent: a logged-in XMPP stream with its own reader thread and a
// synchronous API for tests. Received stanzas (namespace jabber:client, also on component streams) queue up
// in arrival order; waitFor() takes the first one that matches, leaving the others for later waits.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "protocol/stanza/Stanza.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "xml/Element.h"
#include "xmpp/Connection.h"

namespace jicofo::test {

class TestEndpoint {
  public:
    using Predicate = std::function<bool(const xml::Element&)>;
    // Runs on the reader thread for each stanza before it is queued; returning true consumes it (a
    // simulator answering requests by itself). It may call send().
    using AutoResponder = std::function<bool(const xml::Element&)>;

    virtual ~TestEndpoint();
    TestEndpoint(const TestEndpoint&) = delete;
    TestEndpoint& operator=(const TestEndpoint&) = delete;

    // Thread-safe. A component stream gets its namespace and a missing 'from' filled in. Throws
    // xmpp::XmppError when the stream is gone.
    void send(const xml::Element& stanza);
    // Bytes as they are (hostile-client tests: broken XML, floods).
    void sendRaw(const std::string& data);
    // The first queued or arriving stanza matching pred, removed from the queue; nullopt on timeout.
    std::optional<xml::Element> waitFor(const Predicate& pred, util::Duration timeout = util::Duration(5000));
    // Sends the IQ and waits for the result or error with its id. Throws std::runtime_error on timeout.
    xml::Element request(const protocol::Iq& iq, util::Duration timeout = util::Duration(5000));
    // Stanzas received and not yet taken.
    std::vector<xml::Element> pending() const;
    void setAutoResponder(AutoResponder responder);

    const util::Jid& jid() const { return jid_; }
    // Clean close: </stream:stream>, then wait (up to 2 s) for the server's close and the reader to end.
    void disconnect();
    // Vanish without closing the stream (like a crashed client).
    void drop();
    bool closed() const;
    std::string closeReason() const;
    // Waits until the server has closed this stream (e.g. kicked us); false on timeout.
    bool waitClosed(util::Duration timeout = util::Duration(5000));

    // Predicates for waitFor().
    static Predicate iqResponse(const std::string& id);
    static Predicate named(const std::string& name, const std::string& childName = {},
                           const std::string& childNs = {});

  protected:
    explicit TestEndpoint(bool component);
    // Takes over the logged-in connection and starts the reader thread.
    void begin(std::unique_ptr<xmpp::Connection> connection, util::Jid jid);

  private:
    void readLoop();
    void finish(const std::string& reason);

    const bool component_;
    std::unique_ptr<xmpp::Connection> conn_;
    util::Jid jid_;
    std::thread reader_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<xml::Element> inbox_;
    AutoResponder responder_;
    bool closed_ = false;
    std::string reason_;
};

}  // namespace jicofo::test
