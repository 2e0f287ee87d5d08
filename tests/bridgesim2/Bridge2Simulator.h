#pragma once
// The XMPP face of the simulated modern videobridge (docs/architecture.md §6.4), on one loop: once the client
// stream is up it joins the brewery MUC as BREWERY/NICK with its colibri <stats/> and re-sends them every
// stats interval (and at once when a control IQ changes them); answers conference-modify (get or set, through
// Colibri2Bridge), healthcheck (internal-server-error while not healthy), the control IQ (Bridge2Control.h)
// and the listing (Bridge2Listing.h); runs the sweep of idle empty conferences. The silent and delay switches
// act on everything but control and listing.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bridgesim2/Bridge2Control.h"
#include "bridgesim2/Colibri2Bridge.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridgesim2 {

class Bridge2Simulator : public xmpp::ChannelListener {
  public:
    struct Options {
        util::Jid brewery;  // room@service (bare)
        std::string nick;   // must be unique in the brewery
        ControlState state;
        TransportSettings transport;
        util::Duration statsInterval{5000};
        util::Duration sweepInterval{10000};
        util::Duration emptyIdle{60000};  // an empty conference without requests that long is dropped
    };

    Bridge2Simulator(xmpp::StanzaChannel& channel, util::Loop& loop, Options options);
    ~Bridge2Simulator() override;

    void start();  // timers; on the loop

    void onConnected(const util::Jid& localJid) override;
    void onDisconnected(const std::string& reason) override;
    void onStanza(const xml::Element& stanza) override;

    const Colibri2Bridge& bridge() const { return bridge_; }
    const ControlState& state() const { return state_; }
    bool inBrewery() const { return joined_; }
    util::Jid occupantJid() const { return options_.brewery.withResource(options_.nick); }

  private:
    using Reply = std::function<std::optional<protocol::Iq>(const protocol::Iq&)>;
    void handle(protocol::IqType type, const std::string& name, const std::string& ns, Reply reply);
    void registerHandlers();
    std::optional<protocol::Iq> conferenceModify(const protocol::Iq& request);
    protocol::Iq control(const protocol::Iq& request);
    void onBreweryPresence(const xml::Element& presence);
    void join();
    void leave(int64_t rejoinAfterMs);
    void publishStats();
    void schedulePublish();
    void scheduleSweep();
    std::vector<xml::Element> presenceExtensions() const;

    xmpp::StanzaChannel& channel_;
    util::Loop& loop_;
    Options options_;
    ControlState state_;
    Colibri2Bridge bridge_;
    xmpp::IqRouter router_;
    bool joined_ = false, joining_ = false;
    util::TimerId publishTimer_ = 0, sweepTimer_ = 0, rejoinTimer_ = 0;
    std::vector<util::TimerId> delayed_;
};

}  // namespace jicofo::bridgesim2
