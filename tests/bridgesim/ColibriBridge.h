#pragma once
// The Colibri v1 core of the simulated 2015 jitsi-videobridge (docs/media.md §2): takes the <conference> of a
// request IQ (allocate is type get, update/expire set; the 2015 bridge treated both alike) and returns the
// result payload or the StanzaError the 2015 bridge answered (§2.6). No I/O and no clock of its own: the
// caller passes the time, so tests drive it with a fake clock.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "bridgesim/BridgeConfig.h"
#include "bridgesim/SimConference.h"
#include "bridgesim/TransportFactory.h"
#include "protocol/colibri/ColibriConference.h"
#include "protocol/stanza/StanzaError.h"

namespace jicofo::bridgesim {

namespace colibri = protocol::colibri;

class ColibriBridge {
  public:
    explicit ColibriBridge(BridgeConfig config);

    // One request from `from` (the focus's full JID). Like the 2015 bridge, changes made before an error
    // in the same request stay made.
    protocol::ParseResult<colibri::ColibriConference> handle(const colibri::ColibriConference& request,
                                                             const util::Jid& from, util::TimePoint now);
    // Parses the payload first: a malformed request is bad-request.
    protocol::ParseResult<colibri::ColibriConference> handle(const xml::Element& conference,
                                                             const util::Jid& from, util::TimePoint now);

    // The 2015 expire thread's pass (VideobridgeExpireThread): channels with media are touched first (when
    // configured), then a conference idle longer than the default expire goes with everything in it, an
    // idle content likewise, and a channel idle longer than its own expire. Returns how many channels went.
    size_t sweep(util::TimePoint now);

    // Graceful shutdown: new conferences are refused with service-unavailable + <graceful-shutdown/>, and
    // results carry <graceful-shutdown/>.
    void setGracefulShutdown(bool on) { gracefulShutdown_ = on; }
    bool gracefulShutdown() const { return gracefulShutdown_; }

    // Called with the conference id whenever a conference is removed (expiry or sweep).
    void setConferenceRemovedHandler(std::function<void(const SimConference&)> h) {
        onRemoved_ = std::move(h);
    }

    const BridgeConfig& config() const { return config_; }
    const TransportFactory& transports() const { return transports_; }
    // Live conferences in order of creation.
    std::vector<const SimConference*> conferences() const;
    const SimConference* conference(const std::string& id) const;
    size_t conferenceCount() const { return conferences_.size(); }
    size_t channelCount() const;

  private:
    SimConference& createConference(const util::Jid& focus, util::TimePoint now);
    SimContent& getOrCreateContent(SimConference& conf, const std::string& name, util::TimePoint now);
    SimBundle& getOrCreateBundle(SimConference& conf, const std::string& id);
    std::optional<protocol::StanzaError> handleContent(SimConference& conf,
                                                       const colibri::ColibriContent& req,
                                                       colibri::ColibriContent& response,
                                                       util::TimePoint now);
    std::optional<protocol::StanzaError> handleChannel(SimConference& conf, SimContent& content,
                                                       const colibri::Channel& req,
                                                       colibri::ColibriContent& response,
                                                       util::TimePoint now);
    std::optional<protocol::StanzaError> handleSctp(SimConference& conf, SimContent& content,
                                                    const colibri::SctpConnection& req,
                                                    colibri::ColibriContent& response, util::TimePoint now);
    void removeConference(const std::string& id);
    uint32_t newSsrc();

    BridgeConfig config_;
    TransportFactory transports_;
    std::unordered_map<std::string, std::unique_ptr<SimConference>> conferences_;
    std::vector<std::string> order_;  // conference ids in order of creation
    bool gracefulShutdown_ = false;
    std::function<void(const SimConference&)> onRemoved_;
};

}  // namespace jicofo::bridgesim
