#pragma once
// Routes IQs of one stream, on the focus loop: incoming get/set to handlers by (child name, namespace),
// replies to the pending requests that wait for them. Unknown requests are answered (docs/protocol.md §3.1),
// never dropped.
//
// Typed use (docs/architecture.md §4.2, §5):
//   router.registerHandler<protocol::MuteIq>(IqType::Set, "mute", ns::kAudioMute,
//       [](const Iq& iq, const protocol::MuteIq& mute) -> std::optional<Iq> { ... });
// parses the payload with MuteIq::parse and answers the parse error itself (bad-request with the reason), so
// a handler only ever sees a parsed request. Requests an object sends on its own behalf go through its
// IqRequests member: destroying the owner cancels them, and their callbacks never run.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "protocol/stanza/Stanza.h"
#include "util/Loop.h"
#include "util/Result.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::xmpp {

class IqRouter {
  public:
    // Returns the reply now, or nothing when the handler will send() the reply itself later (asynchronous
    // work). A handler that throws makes the router answer internal-server-error.
    using Handler = std::function<std::optional<protocol::Iq>(const protocol::Iq& request)>;
    template <class T>
    using TypedHandler =
        std::function<std::optional<protocol::Iq>(const protocol::Iq& request, const T& payload)>;
    // The reply (type result) or the error: the peer's, or remote-server-timeout when none came in time, or
    // service-unavailable when the stream went down first.
    using Callback = std::function<void(util::Result<protocol::Iq, protocol::StanzaError> reply)>;
    // The reply's payload parsed as T; a result without a payload, or one T::parse refuses, is an error
    // (bad-request from the peer's side: the answer was not what was asked for).
    template <class T>
    using TypedCallback = std::function<void(util::Result<T, protocol::StanzaError> reply)>;
    // Who a pending request belongs to (0: nobody; it is then never cancelled before its answer or timeout).
    using OwnerId = std::uint64_t;

    IqRouter(StanzaChannel& channel, util::Loop& loop);
    ~IqRouter();

    void registerHandler(protocol::IqType type, const std::string& name, const std::string& ns, Handler h);
    // The handler for payload type T: T::parse(payload) first; a refusal is answered with its error here.
    template <class T>
    void registerHandler(protocol::IqType type, const std::string& name, const std::string& ns,
                         TypedHandler<T> h) {
        registerHandler(type, name, ns,
                        [h = std::move(h)](const protocol::Iq& iq) -> std::optional<protocol::Iq> {
                            auto parsed = T::parse(*iq.payload);
                            if (!parsed) return iq.errorReply(parsed.error());
                            return h(iq, parsed.value());
                        });
    }

    // Sends the request (its id must be unique; Iq::request makes one) and calls back once, on the loop,
    // unless the owner cancels first (cancelOwner).
    // The request is taken by value: a temporary (Iq::request(...)) moves its payload into the stanza.
    void sendRequest(protocol::Iq request, util::Duration timeout, Callback cb, OwnerId owner = 0);
    template <class T>
    void sendRequest(protocol::Iq request, util::Duration timeout, TypedCallback<T> cb, OwnerId owner = 0) {
        sendRequest(std::move(request), timeout, typed<T>(std::move(cb)), owner);
    }
    void send(const protocol::Iq& iq) { channel_.send(iq.toElement()); }
    void send(protocol::Iq&& iq) { channel_.send(std::move(iq).toElement()); }
    // Feeds an incoming <iq/>. Malformed IQs get bad-request (or are dropped when they cannot be answered).
    // The rvalue form moves the payload out of the stanza instead of copying it (the stream's path).
    void handle(const xml::Element& stanza);
    void handle(xml::Element&& stanza);
    // The stream dropped: every pending request fails now.
    void failAll(const std::string& reason);
    size_t pendingCount() const { return pending_.size(); }

    // A fresh owner id, and dropping every pending request of an owner (no callback runs).
    OwnerId newOwner() { return nextOwner_++; }
    void cancelOwner(OwnerId owner);
    // Lets an owner that may outlive the router find out (IqRequests).
    std::weak_ptr<IqRouter*> self() const { return self_; }

    template <class T>
    static Callback typed(TypedCallback<T> cb) {
        return [cb = std::move(cb)](util::Result<protocol::Iq, protocol::StanzaError> reply) {
            if (!reply) return cb(reply.error());
            if (!reply->payload)
                return cb(protocol::StanzaError::of("bad-request", "result without a payload"));
            auto parsed = T::parse(*reply->payload);
            if (!parsed) return cb(parsed.error());
            cb(std::move(parsed.value()));
        };
    }

  private:
    struct Pending {
        util::Jid to;
        Callback cb;
        std::optional<util::TimerId> timer;
        OwnerId owner = 0;
    };
    void refuseMalformed(const xml::Element& stanza, const protocol::StanzaError& why);
    void dispatch(protocol::Iq&& iq);
    void handleReply(protocol::Iq&& iq);
    void handleRequest(const protocol::Iq& iq);
    void complete(const std::string& id, util::Result<protocol::Iq, protocol::StanzaError> reply);

    StanzaChannel& channel_;
    util::Loop& loop_;
    std::map<std::pair<std::string, std::string>, Handler> getHandlers_, setHandlers_;
    std::unordered_map<std::string, Pending> pending_;
    OwnerId nextOwner_ = 1;
    std::shared_ptr<IqRouter*> self_ = std::make_shared<IqRouter*>(this);
};

// The requests one object sends: a member of that object, so its destruction cancels whatever is still
// pending (the callbacks, which capture the object, never run). Replaces the weak "alive" guards.
class IqRequests {
  public:
    explicit IqRequests(IqRouter& router) : router_(router.self()), owner_(router.newOwner()) {}
    ~IqRequests() { cancelAll(); }
    IqRequests(const IqRequests&) = delete;
    IqRequests& operator=(const IqRequests&) = delete;

    void send(protocol::Iq request, util::Duration timeout, IqRouter::Callback cb) {
        if (auto r = router_.lock()) (*r)->sendRequest(std::move(request), timeout, std::move(cb), owner_);
    }
    template <class T>
    void send(protocol::Iq request, util::Duration timeout, IqRouter::TypedCallback<T> cb) {
        send(std::move(request), timeout, IqRouter::typed<T>(std::move(cb)));
    }
    void cancelAll() {
        if (auto r = router_.lock()) (*r)->cancelOwner(owner_);
    }

  private:
    std::weak_ptr<IqRouter*> router_;
    IqRouter::OwnerId owner_;
};

}  // namespace jicofo::xmpp
