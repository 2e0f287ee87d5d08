#include "bridgesim/StatsPublisher.h"

#include "bridgesim/BridgeStats.h"
#include "log/Log.h"

namespace jicofo::bridgesim {

using protocol::Iq;
using protocol::IqType;

StatsPublisher::StatsPublisher(xmpp::IqRouter& router, util::Loop& loop, const ColibriBridge& bridge,
                               Options options)
    : router_(router), loop_(loop), bridge_(bridge), options_(std::move(options)) {}

StatsPublisher::~StatsPublisher() {
    stop();
}

xml::Element StatsPublisher::createPayload(const std::string& node) {
    xml::Element pubsub("pubsub", kPubSubNs);
    pubsub.addChild("create").setAttr("node", node);
    return pubsub;
}

xml::Element StatsPublisher::publishPayload(const std::string& node, const std::string& itemId,
                                            const xml::Element& stats) {
    xml::Element pubsub("pubsub", kPubSubNs);
    auto& publish = pubsub.addChild("publish");
    publish.setAttr("node", node);
    auto& item = publish.addChild("item");
    item.setAttr("id", itemId);
    item.addChild(stats);
    return pubsub;
}

void StatsPublisher::start(const std::string& itemId) {
    auto service = util::Jid::parse(options_.service);
    if (!service || options_.node.empty()) return;
    stop();
    itemId_ = itemId;
    router_.sendRequest(Iq::request(IqType::Set, *service, createPayload(options_.node)),
                        util::Duration(10000), [node = options_.node](auto reply) {
                            if (!reply)
                                JLOG(debug) << "bridgesim: create PubSub node " << node << ": "
                                            << reply.error().condition;
                        });
    publish();
}

void StatsPublisher::stop() {
    if (timer_) loop_.cancel(timer_);
    timer_ = 0;
}

void StatsPublisher::publish() {
    auto service = util::Jid::parse(options_.service);
    // The 2015 bridge published only its counters; the test listing stays out of the shared node.
    auto payload = publishPayload(options_.node, itemId_, collectStats(bridge_).toElement());
    router_.sendRequest(Iq::request(IqType::Set, *service, payload), util::Duration(10000), [](auto reply) {
        if (!reply) JLOG(warning) << "bridgesim: stats publish failed: " << reply.error().condition;
    });
    ++published_;
    timer_ = loop_.schedule(options_.interval, [this] { publish(); });
}

}  // namespace jicofo::bridgesim
