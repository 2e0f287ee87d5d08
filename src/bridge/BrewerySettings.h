#pragma once
// What the brewery (modern bridge discovery, docs/media.md §1.5) needs of the configuration; the app copies
// these from config::FocusConfig (org.jitsi.jicofo.BRIDGE_MUC / jicofo.bridge.brewery-jid and the bridge
// settings). Defaults are jicofo's (jicofo-selector reference.conf).
#include <string>

#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::bridge {

struct BrewerySelection {
    double stressThreshold = 0.8;                 // stress-threshold: overloaded at or above
    double averageParticipantStress = 0.01;       // until the bridge reports its own
    util::Duration participantRampup{20000};      // participant-rampup-interval
    util::Duration failureResetThreshold{60000};  // failure-reset-threshold
};

struct BrewerySettings {
    util::Jid room;  // e.g. jvbbrewery@internal.auth.example.com
    std::string nick = "focus";
    util::Duration joinRetry{5000};  // after a refused join or losing the room
    // health-checks: a healthcheck IQ to each bridge every interval; a timeout is retried once after
    // retryDelay. usePresence instead reads the 'healthy' stat and counts a bridge silent for presenceTimeout
    // as failed.
    bool healthChecks = true;
    util::Duration healthInterval{10000};
    util::Duration healthRetryDelay{5000};
    util::Duration healthTimeout{10000};
    bool usePresence = false;
    util::Duration presenceTimeout{45000};
    BrewerySelection selection;
};

}  // namespace jicofo::bridge
