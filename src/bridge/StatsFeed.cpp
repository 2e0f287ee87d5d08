#include "bridge/StatsFeed.h"

#include "log/Log.h"

namespace jicofo::bridge {

using protocol::Iq;
using protocol::IqType;

StatsFeed::StatsFeed(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                     const BridgeRegistrySettings& settings, Sink sink)
    : loop_(loop), channel_(channel), router_(router), settings_(settings), sink_(std::move(sink)) {}

StatsFeed::~StatsFeed() {
    stop();
}

bool StatsFeed::enabled() const {
    return settings_.pubsubService && (settings_.statsNode || !settings_.statsNodes.empty());
}

void StatsFeed::start() {
    if (!enabled()) {
        if (settings_.statsNode || !settings_.statsNodes.empty())
            JLOG(warning) << "bridge stats PubSub configured without a service address: stats disabled";
        return;
    }
    running_ = true;
    if (settings_.statsNode) follow(*settings_.statsNode);
}

void StatsFeed::stop() {
    running_ = false;
    requests_.cancelAll();
    followed_.clear();
    for (util::TimerId t : retryTimers_) loop_.cancel(t);
    retryTimers_.clear();
}

void StatsFeed::bridgeAdded(const util::Jid& bridge) {
    if (!running_) return;
    for (const auto& m : settings_.statsNodes)
        if (m.bridge == bridge) follow(m.node);
}

void StatsFeed::follow(const std::string& node) {
    if (!followed_.insert(node).second) return;
    subscribe(node);
}

// Fetch first so the focus has the current load before the next publication, then subscribe; a refused
// subscription (often: the bridge has not created its node yet) is retried, fetch included.
// The requests are requests_' and the retry timers are in retryTimers_: stop() (and the destructor) cancel
// both, so nothing from an earlier start arrives here.
void StatsFeed::subscribe(const std::string& node) {
    const util::Jid& service = *settings_.pubsubService;
    requests_.send(Iq::request(IqType::Get, service, pubsub::itemsRequest(node)), settings_.discoTimeout,
                   [this, node](util::Result<Iq, protocol::StanzaError> r) {
                       if (!r) {
                           JLOG(debug) << "stats node " << node << " items: " << r.error().condition;
                           return;
                       }
                       if (r->payload) deliver(pubsub::itemsOfResult(*r->payload));
                   });
    requests_.send(
        Iq::request(IqType::Set, service, pubsub::subscribeRequest(node, channel_.localJid().str())),
        settings_.discoTimeout, [this, node](util::Result<Iq, protocol::StanzaError> r) {
            if (r) {
                JLOG(info) << "subscribed to bridge stats node " << node;
                return;
            }
            JLOG(warning) << "subscription to stats node " << node << " failed (" << r.error().condition
                          << "), retrying in " << settings_.pubsubRetryInterval.count() << " ms";
            auto timer = std::make_shared<util::TimerId>(0);
            *timer = loop_.schedule(settings_.pubsubRetryInterval, [this, node, timer] {
                retryTimers_.erase(*timer);
                subscribe(node);
            });
            retryTimers_.insert(*timer);
        });
}

bool StatsFeed::handleMessage(const xml::Element& message) {
    if (!running_) return false;
    if (protocol::fromOf(message) != *settings_.pubsubService) return false;
    auto items = pubsub::itemsOfEvent(message);
    if (items.empty()) return false;
    deliver(items);
    return true;
}

void StatsFeed::deliver(const std::vector<pubsub::StatsItem>& items) {
    for (const auto& item : items) {
        if (settings_.statsNode && item.node == *settings_.statsNode) {
            // Only ids that look like a domain can be a bridge (2015 rule: contains a dot).
            if (item.itemId.find('.') == std::string::npos) continue;
            auto jid = util::Jid::parse(item.itemId);
            if (jid) sink_(*jid, item.stats, true);
            continue;
        }
        for (const auto& m : settings_.statsNodes)
            if (m.node == item.node) sink_(m.bridge, item.stats, false);
    }
}

}  // namespace jicofo::bridge
