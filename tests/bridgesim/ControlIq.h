#pragma once
// The simulator's failure switches and the IQ that sets them at run time (tests only):
//
//   <iq type='set' to='jitsi-videobridge.example.com'>
//    <control xmlns='urn:jicofo:bridgesim' refuse-allocations='true' refuse-condition='service-unavailable'
//             silent='false' delay-ms='0' graceful-shutdown='false' sweep='true'
//             disconnect='true' reconnect-after-ms='2000'/></iq>
//
// Every attribute is optional; those present change that switch. The result carries <control/> with the
// switches now in force (a get changes nothing and returns them too). refuse-allocations answers every
// request that would create a conference or a channel with refuse-condition; silent swallows every IQ but
// this one; delay-ms holds every answer that long; sweep runs the expiry pass now; disconnect closes the
// component stream after answering, and reconnects after reconnect-after-ms (-1: stay away).
#include <cstdint>
#include <optional>
#include <string>

#include "protocol/colibri/ColibriConference.h"
#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::bridgesim {

struct FailureSwitches {
    bool refuseAllocations = false;
    std::string refuseCondition = "service-unavailable";
    bool silent = false;
    uint32_t delayMs = 0;
    bool gracefulShutdown = false;
};

struct ControlRequest {
    std::optional<bool> refuseAllocations, silent, gracefulShutdown;
    std::optional<std::string> refuseCondition;
    std::optional<uint32_t> delayMs;
    bool sweep = false;
    bool disconnect = false;
    int64_t reconnectAfterMs = 0;  // with disconnect; -1 = stay disconnected

    static bool isControl(const xml::Element& e);
    // Unknown attribute values (a non-boolean, a negative delay, an empty condition) are bad-request.
    static protocol::ParseResult<ControlRequest> parse(const xml::Element& e);
    xml::Element toElement() const;
    void applyTo(FailureSwitches& switches) const;
};

// <control xmlns='urn:jicofo:bridgesim' refuse-allocations refuse-condition silent delay-ms
// graceful-shutdown/>: the switches in force.
xml::Element describeSwitches(const FailureSwitches& switches);
protocol::ParseResult<FailureSwitches> parseSwitches(const xml::Element& e);

// True for a request that would create a conference (no id) or a channel / SCTP connection (no id, not
// an expire): what refuse-allocations refuses.
bool isAllocation(const protocol::colibri::ColibriConference& request);

}  // namespace jicofo::bridgesim
