#pragma once
// Colibri2 expiries that are never forgotten (issue 13 §2; the Colibri2 twin of ColibriExpiry). One per
// focus, shared by every room's Colibri2Allocator, on the focus loop. An endpoint expire
// (<endpoint id expire='true'/>) or a conference expire (<conference-modify expire='true'/>) is kept until
// the bridge itself answers it:
//  - a result, or an error the bridge gave (it carries a jitsi:colibri2 reason — conference_not_found,
//    unknown_endpoint: nothing left to expire — or is a plain bad-request): done;
//  - anything else did not reach the bridge (the focus user's stream is down, the MUC bounces it because
//    the bridge left the brewery, no answer in time): kept, resent when the brewery sees the bridge again
//    (BridgeListener::onBridgeUp) and, while the brewery lists it, on a capped backoff timer.
// Requests older than maxAge, or beyond maxRequests, are given up with a warning (the bridge's own expiry
// of idle endpoints is then the last resort). The retry bookkeeping is RetryQueue's, shared with
// ColibriExpiry.
//
//   Colibri2Expiry expiry(loop, clientChannel, clientRouter, brewery, {});
//   expiry.expireEndpoint(bridge, roomJid, meetingId, "alice");
//   expiry.expireConference(bridge, roomJid, meetingId);
#include <string>

#include "bridge/Brewery.h"
#include "bridge/BridgeListener.h"
#include "bridge/RetryQueue.h"
#include "protocol/stanza/Stanza.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridge {

class Colibri2Expiry : private BridgeListener {
  public:
    using Settings = RetrySettings;

    Colibri2Expiry(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router, Brewery& brewery,
                   Settings settings);
    ~Colibri2Expiry() override;
    Colibri2Expiry(const Colibri2Expiry&) = delete;
    Colibri2Expiry& operator=(const Colibri2Expiry&) = delete;

    // Sent now when the stream is up, kept until answered as above. room: for the logs.
    void expireEndpoint(const util::Jid& bridge, const util::Jid& room, const std::string& meetingId,
                        const std::string& endpoint);
    void expireConference(const util::Jid& bridge, const util::Jid& room, const std::string& meetingId);

    // Requests not answered yet (sent or waiting).
    std::size_t pendingRequests() const { return queue_.size(); }

  private:
    struct Expire {
        std::string meetingId, endpoint;  // endpoint "" ⇒ the whole conference
    };
    using Queue = RetryQueue<Expire>;

    // The Colibri2 half of the retry queue.
    class Hooks : public Queue::Hooks {
      public:
        explicit Hooks(Colibri2Expiry& owner) : owner_(owner) {}
        std::optional<xml::Element> payloadOf(const Queue::Request& r) const override;
        std::string describe(const Queue::Request& r) const override;
        Queue::Verdict answered(const Queue::Request& r, const Queue::IqResult& answer) override;
        bool retryable(const util::Jid& bridge) const override;

      private:
        Colibri2Expiry& owner_;
    };

    void onBridgeUp(const util::Jid& bridge) override { queue_.resendTo(bridge); }
    void onBridgeDown(const util::Jid&) override {}

    Brewery& brewery_;
    Hooks hooks_{*this};
    Queue queue_;
};

// Whether a Colibri2 error is the bridge's own answer (a jitsi:colibri2 reason, or a plain bad-request), as
// opposed to the request not reaching it (timeout, stream down, the MUC bouncing it).
bool answeredByBridge(const protocol::StanzaError& error);

}  // namespace jicofo::bridge
