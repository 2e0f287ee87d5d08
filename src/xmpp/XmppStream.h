#pragma once
// A reconnecting XMPP stream: the component (XEP-0114) or the focus user (client) connection of
// docs/architecture.md §2. It implements StanzaChannel for the domain code.
//
//   XmppStream component(XmppStream::Config::component("localhost", 5347, "focus.example.com", secret),
//                        loop, listener);
//   // in a Poco::Task's runTask():  component.run();      in its cancel():  component.stop();
//
// run() loops until stop(): connect, log in, post listener.onConnected(localJid) to the loop, then post
// every incoming stanza (namespace jabber:client, also on the component stream) as listener.onStanza. When
// the stream ends or fails it posts onDisconnected(reason) and tries again after a capped exponential
// backoff (reset by a successful login). Login failures are logged and retried the same way; they do not
// reach the listener (it only sees streams that were up), but setLoginFailureHandler() can observe them.
//
// The stream, the listener and the loop must outlive run() and every task it posted; the listener should
// fail the pending IQs of its IqRouter on onDisconnected.
#include <Poco/Event.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "util/Loop.h"
#include "xmpp/Connection.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::xmpp {

class XmppStream : public StanzaChannel {
  public:
    struct Config {
        enum class Mode { Component, Client };
        Mode mode = Mode::Component;
        std::string host = "localhost";
        uint16_t port = 5347;
        // Component: its JID (focus.example.com). Client: the user domain (auth.example.com).
        std::string domain;
        std::string secret;                        // component only
        std::string username, password, resource;  // client only; empty password => anonymous
        bool trustAll = false;                     // org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED
        std::string caFile;                        // client: extra TLS trust anchors (tests)
        bool allowPlaintext = false;               // client: password without TLS (never in production)
        std::optional<int> presencePriority = 30;  // client: initial presence priority
        util::Duration connectTimeout{10000};
        util::Duration loginTimeout{20000};
        util::Duration backoffMin{500}, backoffMax{10000};
        // Output waits in a bounded queue written by the connection's own thread (send() never blocks); a
        // server that stops reading loses the stream (and it reconnects) once it accepts nothing for
        // writeLimits.stallTimeout (org.jitsi.jicofo.XMPP_WRITE_TIMEOUT) or more than maxQueuedBytes wait.
        Connection::WriteLimits writeLimits;
        std::string name;  // for log lines; defaults to "component <domain>" / "client <user>@<domain>"

        static Config component(std::string host, uint16_t port, std::string jid, std::string secret);
        static Config client(std::string host, uint16_t port, std::string domain, std::string username,
                             std::string password, std::string resource);
    };

    XmppStream(Config config, util::Loop& loop, ChannelListener& listener);
    ~XmppStream() override;

    // Blocks until stop(); call it on a thread of its own (a Poco::Task). Not restartable after stop().
    void run();
    // Any thread, returns at once: closes the stream cleanly (</stream:stream>, 1 s grace) and makes run()
    // return. A stop() before run() makes run() return immediately.
    void stop();
    // Any thread: drop the current stream (it is dead, says the keep-alive) and reconnect with backoff.
    void reconnect(const std::string& reason);
    // Called on the loop with the reason of each failed connect/login attempt.
    void setLoginFailureHandler(std::function<void(const std::string&)> handler);

    // StanzaChannel. send() is thread-safe and never waits on the socket (it queues); it drops (debug log)
    // while the stream is down.
    void send(const xml::Element& stanza) override;
    bool isConnected() const override { return up_.load(); }
    util::Jid localJid() const override;

    const Config& config() const { return config_; }

  private:
    util::Jid login(Connection& connection);
    void serve(Connection& connection);
    // A stanza the parser skipped (over a limit): logged, and an IQ get/set is answered policy-violation.
    void refuse(xml::Element& envelope, const std::string& why);
    void finishConnection(bool wasUp, const std::string& reason);

    Config config_;
    util::Loop& loop_;
    ChannelListener& listener_;
    std::function<void(const std::string&)> onLoginFailed_;
    std::shared_ptr<Connection> current_;     // atomic_load/atomic_store only
    std::shared_ptr<const util::Jid> local_;  // atomic_load/atomic_store only
    std::atomic<bool> up_{false};
    std::atomic<bool> stopping_{false};
    Poco::Event wake_{Poco::Event::EVENT_MANUALRESET};
};

}  // namespace jicofo::xmpp
