#pragma once
// Modern bridge discovery (docs/media.md §1.5; jicofo's BridgeMucDetector/BaseBrewery): the focus user joins
// the brewery MUC (org.jitsi.jicofo.BRIDGE_MUC, e.g. jvbbrewery@internal.auth.DOMAIN) as `focus`; every other
// occupant whose presence carries colibri <stats/> is a bridge whose ID is its occupant JID. Each presence
// updates the stats; leaving the room removes the bridge (onBridgeDown). Presences without stats are ignored.
// Health (BreweryHealth.cpp): a healthcheck IQ to each bridge every interval; an error marks it unhealthy
// and down (its conferences move, as for a 2015 bridge); a timeout is retried once, and a second timeout
// only makes it non-operational (no move, as jicofo). With usePresence the 'healthy' stat and the presence
// timeout decide instead. On the focus loop, over the focus user's stream.
//
//   Brewery brewery(loop, clientChannel, clientRouter, settings);
//   brewery.addListener(&conferences);
//   // focus user stream up / down:      brewery.start();  …  brewery.stop();
//   // a <presence> on that stream:      if (brewery.handlePresence(presence)) return;
//   auto bridge = brewery.select(conferenceBridge, participantRegion);
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bridge/BreweryBridge.h"
#include "bridge/BrewerySelector.h"
#include "bridge/BrewerySettings.h"
#include "bridge/BridgeListener.h"
#include "protocol/muc/MucPresence.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridge {

class Brewery {
  public:
    Brewery(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router, BrewerySettings settings);
    ~Brewery();
    Brewery(const Brewery&) = delete;
    Brewery& operator=(const Brewery&) = delete;

    // The stream is up: join the room, start health checks.
    void start();
    // The stream is down: every bridge forgotten without onBridgeDown, timers stopped.
    void stop();
    // A presence from the brewery room (true: consumed); anything else is left alone.
    bool handlePresence(const xml::Element& presence);

    void addListener(BridgeListener* listener);
    void removeListener(BridgeListener* listener);

    bool joined() const { return joined_; }
    const util::Jid& room() const { return settings_.room; }
    // A snapshot in JID order.
    std::vector<BreweryBridge> bridges() const;
    const BreweryBridge* find(const util::Jid& bridge) const;
    // BrewerySelector::select over the current bridges.
    std::optional<util::Jid> select(const std::optional<util::Jid>& conferenceBridge,
                                    const std::string& participantRegion) const;
    const BrewerySelector& selector() const { return selector_; }

    // Bookkeeping of the allocations on a bridge (corrected stress). Unknown bridges are ignored.
    void endpointAdded(const util::Jid& bridge);
    void endpointsRemoved(const util::Jid& bridge, int count = 1);
    // An allocation failed (timeout, error other than bad_request) / succeeded on it.
    void markFailed(const util::Jid& bridge);
    void markOperational(const util::Jid& bridge);
    // It answered graceful_shutdown: treated as shutting down gracefully until its presence says otherwise.
    void markGracefulShutdown(const util::Jid& bridge);
    // Runs the health checks now (also what the timer does).
    void checkHealth();

  private:
    void join();
    void scheduleJoin();
    void onSelfPresence(const protocol::MucPresence& p);
    void onOccupantPresence(const protocol::MucPresence& p, const xml::Element& stanza);
    void remove(const util::Jid& jid, const std::string& why);
    void forgetAll();
    void check(const util::Jid& jid, bool retry);
    void checkPresences();
    void healthPassed(const util::Jid& jid);
    void healthFailed(const util::Jid& jid, const std::string& why);
    void scheduleHealth();
    void notify(const util::Jid& jid, bool up);

    util::Loop& loop_;
    xmpp::StanzaChannel& channel_;
    xmpp::IqRouter& router_;
    BrewerySettings settings_;
    BrewerySelector selector_;
    std::map<util::Jid, BreweryBridge> bridges_;
    std::vector<BridgeListener*> listeners_;
    std::set<util::Jid> checking_;  // health checks in flight
    bool running_ = false, joined_ = false, joining_ = false;
    uint64_t epoch_ = 0;  // bumped by start()/stop(): answers to older requests are ignored
    util::TimerId joinTimer_ = 0, healthTimer_ = 0;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // guards the health retry timers
    xmpp::IqRequests health_{router_};  // healthcheck IQs in flight, cancelled by stop() and with this
};

}  // namespace jicofo::bridge
