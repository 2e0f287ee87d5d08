#pragma once
// The simulated modern bridge's run-time switches (tests only), set with
//
//   <iq type='set'><control xmlns='urn:jicofo:bridgesim2' stress-level='0.9'
//   average-participant-stress='0.01'
//        region='eu' drain='true' graceful-shutdown='false' shutting-down='false' healthy='true'
//        version='…' relay-id='…' silent='false' delay-ms='0' sweep='true' leave='true'
//        rejoin-after-ms='2000'/></iq>
//
// Every attribute is optional; those present change that setting. Stats changes are published in a fresh
// brewery presence at once. leave sends an unavailable presence to the brewery (as a bridge that shuts down
// or loses its MUC), and joins again after rejoin-after-ms (-1 or absent: stays away). sweep expires idle
// empty conferences now. The result (also of a get, which changes nothing) is <control/> with every setting
// now in force. Answered to anyone and never delayed or swallowed.
#include <cstdint>
#include <optional>
#include <string>

#include "bridgesim2/Sim2Settings.h"
#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::bridgesim2 {

struct ControlState {
    BreweryStatsSettings stats;
    BehaviourSwitches switches;
};

struct ControlRequest {
    std::optional<double> stressLevel, averageParticipantStress;
    std::optional<std::string> region, version, relayId;
    std::optional<bool> drain, gracefulShutdown, shuttingDown, healthy, silent;
    std::optional<uint32_t> delayMs;
    bool sweep = false;
    bool leave = false;
    int64_t rejoinAfterMs = -1;  // with leave

    static bool isControl(const xml::Element& e);
    // A number that does not read, a non-boolean, a negative delay: bad-request.
    static protocol::ParseResult<ControlRequest> parse(const xml::Element& e);
    xml::Element toElement() const;
    void applyTo(ControlState& state) const;
    // Whether it changes what the brewery presence shows.
    bool changesStats() const;
};

// <control xmlns='urn:jicofo:bridgesim2' …every setting…/> and back.
xml::Element describeState(const ControlState& state);
protocol::ParseResult<ControlState> parseState(const xml::Element& e);

}  // namespace jicofo::bridgesim2
