#pragma once
// XEP-0199 keep-alive on the focus loop (docs/protocol.md §3.1): every `interval` a ping to `target` (the
// component pings DOMAIN); a ping unanswered within `timeout` is a failure, any answer (even an error) is a
// sign of life. After `threshold` consecutive failures the stream is declared dead and onDead(reason) is
// called, which the app wires to XmppStream::reconnect() — the original only counted, so a half-open TCP
// connection left the focus deaf until the OS noticed.
#include <functional>
#include <memory>
#include <string>

#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::xmpp {

class KeepAlive {
  public:
    struct Options {
        util::Jid target;                // DOMAIN
        util::Duration interval{10000};  // org.jitsi.jicofo.PING_INTERVAL; <= 0 disables
        util::Duration timeout{5000};    // org.jitsi.jicofo.PING_TIMEOUT
        int threshold = 3;               // org.jitsi.jicofo.PING_THRESHOLD
    };
    using DeadHandler = std::function<void(const std::string& reason)>;

    // Everything on the loop thread. Pings only while channel.isConnected().
    KeepAlive(IqRouter& router, StanzaChannel& channel, util::Loop& loop, Options options,
              DeadHandler onDead);
    ~KeepAlive();
    KeepAlive(const KeepAlive&) = delete;
    KeepAlive& operator=(const KeepAlive&) = delete;

    void start();
    void stop();
    int consecutiveFailures() const { return failures_; }

  private:
    void tick();
    void onReply(bool alive);

    IqRouter& router_;
    StanzaChannel& channel_;
    util::Loop& loop_;
    Options options_;
    DeadHandler onDead_;
    util::TimerId timer_ = 0;
    bool inFlight_ = false;
    int failures_ = 0;
    // Callbacks of pings still pending in the router hold a weak reference, so they do nothing once this
    // object is gone.
    std::shared_ptr<KeepAlive*> self_;
};

}  // namespace jicofo::xmpp
