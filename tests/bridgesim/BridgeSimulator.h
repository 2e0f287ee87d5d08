#pragma once
// The XMPP face of the simulated 2015 videobridge, on one loop: answers disco#info with the 2015 JVB
// identity and features (docs/media.md §1.1), ping, jabber:iq:version, Colibri conference IQs through
// ColibriBridge, the Colibri stats IQ (with the test listing) and the test control IQ (ControlIq.h); runs
// the expiry sweep; publishes stats to a PubSub node when configured (StatsPublisher). The failure
// switches act here: refused allocations, swallowed IQs, delayed answers, disconnects (through the
// handler the program installs; ComponentLink does the actual stream work).
#include <functional>
#include <memory>
#include <string>

#include "bridgesim/BridgeConfig.h"
#include "bridgesim/ColibriBridge.h"
#include "bridgesim/ControlIq.h"
#include "bridgesim/StatsPublisher.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridgesim {

class BridgeSimulator : public xmpp::ChannelListener {
  public:
    struct Options {
        BridgeConfig bridge;
        FailureSwitches switches;
        util::Duration sweepInterval{60000};  // the 2015 expire thread's period
        StatsPublisher::Options pubsub;       // service empty = no publishing
        std::string version = "0.1.0";        // jabber:iq:version
    };
    // Asked to drop the component stream, then connect again after reconnectAfterMs (-1: stay away).
    using DisconnectHandler = std::function<void(int64_t reconnectAfterMs)>;

    BridgeSimulator(xmpp::StanzaChannel& channel, util::Loop& loop, Options options);
    ~BridgeSimulator() override;

    // Starts the sweep timer (and stats publishing once connected). On the loop.
    void start();
    void setDisconnectHandler(DisconnectHandler h) { onDisconnect_ = std::move(h); }
    // Runs on the loop: disconnect (and maybe come back) as the control IQ's disconnect does.
    void disconnect(int64_t reconnectAfterMs);

    void onConnected(const util::Jid& localJid) override;
    void onDisconnected(const std::string& reason) override;
    void onStanza(const xml::Element& stanza) override;

    ColibriBridge& bridge() { return bridge_; }
    const FailureSwitches& switches() const { return switches_; }
    // The disco#info features the 2015 bridge advertised (plus disco#info and ping, which it answered).
    static std::vector<std::string> features();

  private:
    using Reply = std::function<protocol::Iq(const protocol::Iq&)>;
    // Registers a handler whose answer waits delay-ms when that switch is on.
    void handle(protocol::IqType type, const std::string& name, const std::string& ns, Reply reply);
    void registerHandlers();
    protocol::Iq colibri(const protocol::Iq& request);
    protocol::Iq control(const protocol::Iq& request);
    void scheduleSweep();

    xmpp::StanzaChannel& channel_;
    util::Loop& loop_;
    Options options_;
    ColibriBridge bridge_;
    FailureSwitches switches_;
    xmpp::IqRouter router_;
    std::unique_ptr<StatsPublisher> publisher_;
    DisconnectHandler onDisconnect_;
    util::TimerId sweepTimer_ = 0;
    std::vector<util::TimerId> delayed_;
};

}  // namespace jicofo::bridgesim
