#pragma once
// Colibri expiries that are never forgotten (docs/media.md §2.5, issue 10 part 2). One per focus, shared by
// every room's ColibriAllocator, on the focus loop. An expire request is kept until the bridge answers it — a
// result, or an error of its own (it no longer knows those channels: expired already, or the bridge
// restarted) — and resent while it stays unanswered:
//  - unreachable (the focus user's stream is down, the server bounces it — Prosody answers
//    remote-server-timeout for a component that is not connected — or no answer in time): kept, and
//    resent when the bridge is seen again (BridgeListener::onBridgeUp: stream back up and the bridge
//    rediscovered or healthy again); a bridge the registry lists as healthy is retried with a capped backoff;
//  - refused for a request covering several participants: split into one request per participant (the
//    2015 bridge stops at the first channel it does not know, so the rest would stay).
// Requests older than maxAge, or beyond maxRequests, are given up with a warning (the bridge's own idle
// expiry is then the last resort).
//
//   ColibriExpiry expiry(loop, clientChannel, clientRouter, registry, {});
//   expiry.expire(bridge, roomJid, conferenceId, {channels});          // instead of a fire-and-forget IQ
//   expiry.expireAnswer(bridge, roomJid, endpoint, allocateAnswer);    // channels nobody wants any more
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "bridge/BridgeListener.h"
#include "bridge/BridgeRegistry.h"
#include "protocol/colibri/ColibriConference.h"
#include "protocol/colibri/ParticipantChannels.h"
#include "protocol/stanza/Stanza.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridge {

// The endpoint's channels and sctpconnections that have an id, from an allocate answer, however incomplete
// the rest of it is (what ParticipantChannels::fromAllocateResponse would refuse can still be expired).
protocol::colibri::ParticipantChannels channelsToExpire(const protocol::colibri::ColibriConference& response,
                                                        const std::string& endpoint);

class ColibriExpiry : private BridgeListener {
  public:
    struct Settings {
        util::Duration requestTimeout{20000};            // each attempt's wait for the answer
        util::Duration retryMin{2000}, retryMax{60000};  // backoff while the bridge is listed as healthy
        util::Duration maxAge{std::chrono::hours(1)};
        std::size_t maxRequests = 100000;
    };

    // The registry tells when bridges come (back); channel is the focus user's stream that router serves.
    ColibriExpiry(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                  BridgeRegistry& registry, Settings settings);
    ~ColibriExpiry() override;
    ColibriExpiry(const ColibriExpiry&) = delete;
    ColibriExpiry& operator=(const ColibriExpiry&) = delete;

    // Expires the channels (one request) in the bridge's conference of the room (its local part is the
    // Colibri conference name); sent now when the stream is up, kept until answered as above. Nothing
    // happens without a conference id or a channel.
    void expire(const util::Jid& bridge, const util::Jid& room, const std::string& conferenceId,
                std::vector<protocol::colibri::ParticipantChannels> channels);
    // The channels an allocate answer gave to `endpoint`, for an allocation nobody waits for any more.
    void expireAnswer(const util::Jid& bridge, const util::Jid& room, const std::string& endpoint,
                      const protocol::Iq& answer);

    // Requests not answered yet (sent or waiting), and the channels they cover.
    std::size_t pendingRequests() const { return requests_.size(); }
    std::size_t pendingChannels() const;

  private:
    struct Request {
        util::Jid bridge, room;
        std::string conferenceId;
        std::vector<protocol::colibri::ParticipantChannels> channels;
        util::TimePoint created, nextTry;
        int attempts = 0;
        bool inFlight = false;
    };
    using Id = std::uint64_t;
    using IqResult = util::Result<protocol::Iq, protocol::StanzaError>;

    void onBridgeUp(const util::Jid& bridge) override;
    void onBridgeDown(const util::Jid&) override {}

    Id add(Request request);
    void send(Id id);
    void onAnswer(Id id, const IqResult& answer);
    void split(Id id);
    void retryLater(Request& r);
    // Whether a waiting request to this bridge may be retried on the timer (not only on onBridgeUp).
    bool retryable(const util::Jid& bridge) const;
    void arm();
    void onTimer();
    void dropOldest();

    util::Loop& loop_;
    xmpp::StanzaChannel& channel_;
    xmpp::IqRouter& router_;
    BridgeRegistry& registry_;
    Settings settings_;
    std::map<Id, Request> requests_;
    Id nextId_ = 1;
    std::set<util::Jid> listedOnce_;  // bridges the registry has listed: they wait for onBridgeUp when gone
    util::TimerId timer_ = 0;
    util::TimePoint timerAt_{};
    xmpp::IqRequests iqs_{router_};  // the expire requests in flight
};

}  // namespace jicofo::bridge
