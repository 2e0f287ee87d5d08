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
// of idle endpoints is then the last resort).
//
//   Colibri2Expiry expiry(loop, clientChannel, clientRouter, brewery, {});
//   expiry.expireEndpoint(bridge, roomJid, meetingId, "alice");
//   expiry.expireConference(bridge, roomJid, meetingId);
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "bridge/Brewery.h"
#include "bridge/BridgeListener.h"
#include "protocol/stanza/Stanza.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridge {

class Colibri2Expiry : private BridgeListener {
  public:
    struct Settings {
        util::Duration requestTimeout{20000};
        util::Duration retryMin{2000}, retryMax{60000};
        util::Duration maxAge{std::chrono::hours(1)};
        std::size_t maxRequests = 100000;
    };

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
    std::size_t pendingRequests() const { return requests_.size(); }

  private:
    struct Request {
        util::Jid bridge, room;
        std::string meetingId, endpoint;  // endpoint "" ⇒ the whole conference
        util::TimePoint created, nextTry;
        int attempts = 0;
        bool inFlight = false;
    };
    using Id = std::uint64_t;
    using IqResult = util::Result<protocol::Iq, protocol::StanzaError>;

    void onBridgeUp(const util::Jid& bridge) override;
    void onBridgeDown(const util::Jid&) override {}

    void add(Request r);
    void send(Id id);
    void onAnswer(Id id, const IqResult& answer);
    void arm();
    void onTimer();
    static std::string what(const Request& r);

    util::Loop& loop_;
    xmpp::StanzaChannel& channel_;
    xmpp::IqRouter& router_;
    Brewery& brewery_;
    Settings settings_;
    std::map<Id, Request> requests_;
    Id nextId_ = 1;
    util::TimerId timer_ = 0;
    util::TimePoint timerAt_{};
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

// Whether a Colibri2 error is the bridge's own answer (a jitsi:colibri2 reason, or a plain bad-request), as
// opposed to the request not reaching it (timeout, stream down, the MUC bouncing it).
bool answeredByBridge(const protocol::StanzaError& error);

}  // namespace jicofo::bridge
