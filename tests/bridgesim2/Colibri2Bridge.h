#pragma once
// The Colibri2 core of the simulated modern jitsi-videobridge, written from docs/media.md §2b (and jvb's
// Colibri2ConferenceHandler as described there): conference-modify in, conference-modified or a Colibri2
// error out. No XMPP here; Bridge2Simulator wraps it.
//
//   create='true'  on a known meeting-id   → conflict + conference_already_exists
//   no create      on an unknown meeting-id → item-not-found + conference_not_found
//   create while in graceful shutdown / shutting down → service-unavailable + graceful_shutdown
//   endpoint create without <transport>     → bad-request "… with no <transport>"
//   endpoint create without source-names    → bad-request "Source name support is mandatory."
//   endpoint create of an existing id       → conflict
//   <sctp role≠server> / <sctp port≠5000>   → feature-not-implemented / bad-request
//   update of an unknown endpoint           → item-not-found + unknown_endpoint (+ <endpoint id/>)
//   expire of an unknown endpoint           → fine (nothing to do)
// Endpoints are handled in order and a failure stops there: a conference created by the failing request
// stays (as in jvb), empty, until sweep() drops it. A request without create that leaves the conference
// without endpoints expires it (the bridge's own expiry): the next allocation must create it again.
// Responses carry, per endpoint, its id (+ the loopback transport and <sctp port='5000' role='server'/> when
// created, expire='true' when expired), and the feedback sources jvb-a0/jvb-v0 when the request created the
// conference or an endpoint.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>

#include "bridgesim2/LoopbackTransport.h"
#include "bridgesim2/SimState.h"
#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/colibri2/ConferenceModified.h"
#include "protocol/colibri2/ConferenceModify.h"
#include "util/Result.h"

namespace jicofo::bridgesim2 {

class Colibri2Bridge {
  public:
    using Answer = util::Result<protocol::colibri2::ConferenceModified, protocol::colibri2::Colibri2Error>;

    explicit Colibri2Bridge(TransportSettings transport);

    // One request from `from` (the sender as the bridge sees it: the focus's brewery occupant JID).
    Answer handle(const protocol::colibri2::ConferenceModify& request, const std::string& from,
                  util::TimePoint now);
    // Drops conferences that have had no endpoint and no request for emptyIdle.
    void sweep(util::TimePoint now, util::Duration emptyIdle);
    // Graceful shutdown or shutting down: new conferences are refused, existing ones keep working.
    void setRefuseNewConferences(bool refuse) { refuseNew_ = refuse; }

    const std::map<std::string, SimConference>& conferences() const { return conferences_; }
    const std::deque<SimEvent>& events() const { return events_; }
    uint64_t requestCount() const { return requests_; }
    size_t endpointCount() const;

  private:
    std::optional<protocol::colibri2::Colibri2Error> handleEndpoint(
        SimConference& conf, const protocol::colibri2::Endpoint& req,
        protocol::colibri2::ConferenceModified& resp);
    std::optional<protocol::colibri2::Colibri2Error> createEndpoint(SimConference& conf,
                                                                    const protocol::colibri2::Endpoint& req);
    // Media, transport, sources and force-mute of the request into ep; returns what changed, for the log.
    std::string applyUpdate(SimEndpoint& ep, const protocol::colibri2::Endpoint& req);
    Answer fail(const std::string& meetingId, const std::string& endpoint,
                protocol::colibri2::Colibri2Error e);
    void expireConference(const std::string& meetingId, const std::string& why);
    void record(std::string kind, std::string meetingId, std::string endpoint, std::string detail = {});
    protocol::colibri2::Sources feedbackSources(const SimConference& conf) const;

    LoopbackTransport transport_;
    bool refuseNew_ = false;
    std::map<std::string, SimConference> conferences_;
    std::deque<SimEvent> events_;
    uint64_t requests_ = 0, nextEvent_ = 1;
};

}  // namespace jicofo::bridgesim2
