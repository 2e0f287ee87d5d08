#pragma once
// Routes IQs of one stream, on the focus loop: incoming get/set to handlers by (child name, namespace),
// replies to the pending requests that wait for them. Unknown requests are answered (docs/protocol.md §3.1),
// never dropped.
#include <functional>
#include <map>
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
    // The reply (type result) or the error: the peer's, or remote-server-timeout when none came in time, or
    // service-unavailable when the stream went down first.
    using Callback = std::function<void(util::Result<protocol::Iq, protocol::StanzaError> reply)>;

    IqRouter(StanzaChannel& channel, util::Loop& loop);
    ~IqRouter();

    void registerHandler(protocol::IqType type, const std::string& name, const std::string& ns, Handler h);
    // Sends the request (its id must be unique; Iq::request makes one) and calls back once, on the loop.
    void sendRequest(const protocol::Iq& request, util::Duration timeout, Callback cb);
    void send(const protocol::Iq& iq) { channel_.send(iq.toElement()); }
    // Feeds an incoming <iq/>. Malformed IQs get bad-request (or are dropped when they cannot be answered).
    void handle(const xml::Element& stanza);
    // The stream dropped: every pending request fails now.
    void failAll(const std::string& reason);
    size_t pendingCount() const { return pending_.size(); }

  private:
    struct Pending {
        util::Jid to;
        Callback cb;
        util::TimerId timer;
    };
    void handleReply(const protocol::Iq& iq);
    void handleRequest(const protocol::Iq& iq);

    StanzaChannel& channel_;
    util::Loop& loop_;
    std::map<std::pair<std::string, std::string>, Handler> getHandlers_, setHandlers_;
    std::unordered_map<std::string, Pending> pending_;
};

}  // namespace jicofo::xmpp
