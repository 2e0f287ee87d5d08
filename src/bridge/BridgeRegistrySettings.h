#pragma once
// What BridgeRegistry needs of the configuration. bridge/ may not depend on config/: the app copies these
// from config::FocusConfig (xmppDomain, serviceRediscoveryInterval, bridgeHealthCheckInterval,
// statsPubsubNode, pubsubAddress, maxStatsReportAge, pubsubRetryInterval, bridgePubsubMapping).
#include <optional>
#include <string>
#include <vector>

#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::bridge {

// One entry of BRIDGE_PUBSUB_MAPPING: stats published on `node` belong to `bridge`.
struct BridgeStatsNode {
    util::Jid bridge;
    std::string node;
};

struct BridgeRegistrySettings {
    util::Jid domain;                           // XMPP_DOMAIN: disco#items goes here
    util::Duration rediscoveryInterval{30000};  // <= 0: discover once per start()
    util::Duration discoTimeout{5000};  // every disco#info / disco#items reply wait (docs/media.md §5.4)
    util::Duration healthCheckInterval{10000};  // <= 0: no health checks (the 2015 behaviour)
    // PubSub stats (§1.2). Needs the service address; with neither node nor mapping, PubSub stays off.
    std::optional<util::Jid> pubsubService;     // org.jitsi.focus.pubsub.ADDRESS
    std::optional<std::string> statsNode;       // STATS_PUBSUB_NODE: shared node, item id = bridge JID
    std::vector<BridgeStatsNode> statsNodes;    // BRIDGE_PUBSUB_MAPPING: one node per bridge
    util::Duration maxStatsReportAge{15000};    // reports older than this are dropped (checked every age/2)
    util::Duration pubsubRetryInterval{15000};  // a refused subscription is retried after this
};

}  // namespace jicofo::bridge
