#pragma once
// Bridge load through PubSub (docs/media.md §1.2), owned by BridgeRegistry. Shared node (STATS_PUBSUB_NODE):
// fetch its items, subscribe, and hand every item to the sink keyed by its item id (a bridge JID); the
// registry verifies unknown ones. Mapping (BRIDGE_PUBSUB_MAPPING): once a mapped bridge is known, fetch and
// subscribe to its own node; stats from that node belong to that bridge. A refused subscription is retried
// every pubsubRetryInterval. Events arrive as <message> stanzas the app routes to handleMessage().
// Unlike 2015, the shared node does not depend on the rediscovery interval being > 0.
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "bridge/BridgeRegistrySettings.h"
#include "bridge/PubSub.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridge {

class StatsFeed {
  public:
    // discover=true: from the shared node, the bridge may be unknown yet. false: from a mapped bridge's node.
    using Sink =
        std::function<void(const util::Jid& bridge, const protocol::colibri::Stats& stats, bool discover)>;

    StatsFeed(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
              const BridgeRegistrySettings& settings, Sink sink);
    ~StatsFeed();

    // A service address and a node or a mapping are configured.
    bool enabled() const;
    void start();
    void stop();  // forgets subscriptions in progress and retry timers; late answers are ignored
    // A bridge became known: with a mapping entry for it, follow its node.
    void bridgeAdded(const util::Jid& bridge);
    // True when the message was a stats event from the PubSub service (consumed).
    bool handleMessage(const xml::Element& message);

  private:
    void follow(const std::string& node);
    void subscribe(const std::string& node);
    void deliver(const std::vector<pubsub::StatsItem>& items);

    util::Loop& loop_;
    xmpp::StanzaChannel& channel_;
    xmpp::IqRouter& router_;
    const BridgeRegistrySettings& settings_;
    Sink sink_;
    bool running_ = false;
    std::set<std::string> followed_;
    std::set<util::TimerId> retryTimers_;
    xmpp::IqRequests requests_{router_};  // items and subscriptions: cancelled by stop() and with this
};

}  // namespace jicofo::bridge
