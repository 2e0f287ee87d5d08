#pragma once
// Publishes the bridge's stats to a PubSub node as the 2015 jvb did with STATISTICS_TRANSPORT=pubsub
// (docs/media.md §1.2): on each connection it creates the node (an error such as conflict is only logged),
// then every interval publishes one item whose id is the bridge's component JID:
//   <iq type='set' to=SERVICE><pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node=NODE>
//    <item id='jitsi-videobridge.example.com'><stats xmlns='http://jitsi.org/protocol/colibri'>…</stats>
//   </item></publish></pubsub></iq>
#include <string>

#include "bridgesim/ColibriBridge.h"
#include "xmpp/IqRouter.h"

namespace jicofo::bridgesim {

inline constexpr const char* kPubSubNs = "http://jabber.org/protocol/pubsub";

class StatsPublisher {
  public:
    struct Options {
        std::string service;            // PubSub service JID, e.g. pubsub.example.com; empty = publishing off
        std::string node;               // e.g. sharedStatsNode
        util::Duration interval{1000};  // org.jitsi.videobridge.STATISTICS_INTERVAL
    };

    StatsPublisher(xmpp::IqRouter& router, util::Loop& loop, const ColibriBridge& bridge, Options options);
    ~StatsPublisher();

    // The stream is up as itemId (the component JID): create the node, start the periodic publishing.
    void start(const std::string& itemId);
    void stop();
    size_t published() const { return published_; }

    static xml::Element createPayload(const std::string& node);
    static xml::Element publishPayload(const std::string& node, const std::string& itemId,
                                       const xml::Element& stats);

  private:
    void publish();

    xmpp::IqRouter& router_;
    util::Loop& loop_;
    const ColibriBridge& bridge_;
    Options options_;
    std::string itemId_;
    util::TimerId timer_ = 0;
    size_t published_ = 0;
};

}  // namespace jicofo::bridgesim
