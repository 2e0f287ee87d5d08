#pragma once
// The videobridges the focus may use (docs/media.md §1.1, §1.2, §1.4), on the focus loop, over the focus
// user's stream. One per focus, shared by every conference; it must outlive the ColibriAllocators.
//  - start() (the stream is up): disco#items to the domain, disco#info to each item; an item with the four
//    bridge features is a bridge. Repeated every rediscoveryInterval (<= 0: only at start()). A bridge gone
//    from the items, or not answering disco#info, goes offline.
//  - health (new since 2015): every healthCheckInterval a disco#info to each bridge; a failure or a reply
//    without the bridge features marks it down, the next good answer marks it up again.
//  - stats (optional): PubSub load reports (StatsFeed); with the shared node, reporting bridges are verified
//    by disco#info and listed until their reports are older than maxStatsReportAge.
//  - allocations report failures and successes (markFailed/markOperational) for the selector.
//  - stop() (the stream is down): every bridge forgotten without onBridgeDown, timers stopped.
// Listeners hear onBridgeUp / onBridgeDown (BridgeListener.h).
//
//   BridgeRegistry registry(loop, clientChannel, clientRouter, settings);
//   registry.addListener(&conferenceOrAllocator);
//   // focus user stream connected / lost:
//   registry.start();  …  registry.stop();
//   // a <message> on the focus user's stream:
//   if (registry.handleMessage(message)) return;
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "bridge/BridgeListener.h"
#include "bridge/BridgeRegistrySettings.h"
#include "bridge/BridgeState.h"
#include "bridge/StatsFeed.h"
#include "util/FaultDomain.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridge {

class BridgeRegistry {
  public:
    BridgeRegistry(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                   BridgeRegistrySettings settings);
    ~BridgeRegistry();
    BridgeRegistry(const BridgeRegistry&) = delete;
    BridgeRegistry& operator=(const BridgeRegistry&) = delete;

    void start();
    void stop();
    bool running() const { return running_; }
    // Runs one discovery round now (also what the rediscovery timer does). Ignored while one is running.
    void discover();
    // Checks every bridge now (also what the health timer does).
    void checkHealth();
    // Consumes PubSub stats events (true) from the configured service; anything else is left alone.
    bool handleMessage(const xml::Element& message);
    // Stats from any source. discover=true may list an unknown bridge once its disco#info has the features.
    void reportStats(const util::Jid& bridge, const protocol::colibri::Stats& stats, bool discover);

    // Listeners must unregister before they die; they may (un)register from inside a notification.
    void addListener(BridgeListener* listener);
    void removeListener(BridgeListener* listener);

    // A snapshot in JID order.
    std::vector<BridgeState> bridges() const;
    const BridgeState* find(const util::Jid& bridge) const;
    // An allocation on the bridge failed (error, timeout, bad reply) / succeeded. Unknown bridges (a
    // conference's hint) are ignored: they have no state (§1.3).
    void markFailed(const util::Jid& bridge);
    void markOperational(const util::Jid& bridge);

  private:
    enum class Source { Disco, Stats };
    void probe(const util::Jid& jid, std::function<void(bool isBridge)> done);
    void onItems(const std::vector<util::Jid>& items);
    void vouch(const util::Jid& jid, Source source, const protocol::colibri::Stats* stats = nullptr);
    void unvouch(const util::Jid& jid, Source source);
    void setHealthy(const util::Jid& jid, bool healthy);
    void applyStats(BridgeState& state, const protocol::colibri::Stats& stats);
    void expireStats();
    void scheduleRepeating(util::TimerId& timer, util::Duration every, void (BridgeRegistry::*fn)());
    void notify(const util::Jid& jid, bool up);

    util::Loop& loop_;
    xmpp::IqRouter& router_;
    BridgeRegistrySettings settings_;
    StatsFeed feed_;
    std::map<util::Jid, BridgeState> bridges_;
    struct Listener {
        BridgeListener* listener;
        std::shared_ptr<util::FaultDomain> domain;  // current when it was added
    };
    bool listening(BridgeListener* listener) const;
    std::vector<Listener> listeners_;
    bool running_ = false;
    bool discovering_ = false;      // a round is in flight
    std::size_t pendingInfos_ = 0;  // disco#info answers the round still waits for
    std::set<util::Jid> healthPending_, verifying_;
    std::map<util::Jid, protocol::colibri::Stats> unverifiedStats_;
    std::map<util::Jid, util::TimePoint> rejectedUntil_;  // stats item ids that are not bridges
    util::TimerId rediscoveryTimer_ = 0, healthTimer_ = 0, statsTimer_ = 0;
    xmpp::IqRequests requests_{router_};  // the disco requests: cancelled by stop() and with this
};

}  // namespace jicofo::bridge
