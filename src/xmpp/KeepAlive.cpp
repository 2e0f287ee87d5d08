#include "xmpp/KeepAlive.h"

#include "log/Log.h"
#include "protocol/stanza/Namespaces.h"

namespace jicofo::xmpp {

KeepAlive::KeepAlive(IqRouter& router, StanzaChannel& channel, util::Loop& loop, Options options,
                     DeadHandler onDead)
    : router_(router),
      channel_(channel),
      loop_(loop),
      options_(std::move(options)),
      onDead_(std::move(onDead)),
      self_(std::make_shared<KeepAlive*>(this)) {}

KeepAlive::~KeepAlive() {
    stop();
}

void KeepAlive::start() {
    if (options_.interval.count() <= 0 || timer_ != 0) return;
    std::weak_ptr<KeepAlive*> weak = self_;
    timer_ = loop_.schedule(options_.interval, [weak] {
        if (auto self = weak.lock()) (*self)->tick();
    });
}

void KeepAlive::stop() {
    if (timer_ != 0) loop_.cancel(timer_);
    timer_ = 0;
}

void KeepAlive::tick() {
    timer_ = 0;
    start();
    if (!channel_.isConnected()) {
        // A new stream starts with a clean slate.
        failures_ = 0;
        return;
    }
    // The previous ping is still waiting (timeout longer than interval): do not pile up requests.
    if (inFlight_) return;
    inFlight_ = true;
    xml::Element ping("ping", protocol::ns::kPing);
    auto request = protocol::Iq::request(protocol::IqType::Get, options_.target, ping);
    std::weak_ptr<KeepAlive*> weak = self_;
    router_.sendRequest(request, options_.timeout, [weak](auto reply) {
        auto self = weak.lock();
        if (!self) return;
        // Only silence counts: an error reply (or the router failing requests because the stream went
        // down, which the connection state already covers) still shows the peer is there.
        bool timedOut = !reply && reply.error().condition == "remote-server-timeout";
        (*self)->onReply(!timedOut);
    });
}

void KeepAlive::onReply(bool alive) {
    inFlight_ = false;
    if (alive) {
        failures_ = 0;
        return;
    }
    ++failures_;
    JLOG(warning) << "ping to " << options_.target.str() << " unanswered after " << options_.timeout.count()
                  << " ms (" << failures_ << "/" << options_.threshold << ")";
    if (failures_ < options_.threshold) return;
    failures_ = 0;
    std::string reason = std::to_string(options_.threshold) + " pings to " + options_.target.str() +
                         " unanswered: the stream is dead";
    if (onDead_) onDead_(reason);
}

}  // namespace jicofo::xmpp
