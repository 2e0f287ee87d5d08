#pragma once
// What the focus knows of one modern bridge found in the brewery (docs/media.md §1.5; jicofo's Bridge.kt):
// its occupant JID (its ID), the stats of its last presence, its health and allocation failures, and the
// endpoints this focus put on it recently (for the corrected stress).
#include <deque>
#include <optional>
#include <string>

#include "protocol/colibri2/BreweryStats.h"
#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::bridge {

struct BreweryBridge {
    util::Jid jid;  // room@service/nick
    protocol::colibri2::BreweryStats stats;
    util::TimePoint lastPresence{};
    // False after a failed health check (or healthy=false / no presence with use-presence), true again after
    // a good one.
    bool healthy = true;
    // The last time it was marked non-operational (failed health check, failed allocation); it stays so for
    // the failure reset threshold.
    std::optional<util::TimePoint> failedAt;
    std::deque<util::TimePoint> recentEndpoints;  // additions within the rampup interval
    int endpoints = 0;                            // currently allocated by this focus

    double stressLevel() const { return stats.stressLevel.value_or(0.0); }
    // jicofo treats a bridge as draining until its stats say otherwise.
    bool draining() const { return stats.drain.value_or(true); }
    bool gracefulShutdown() const { return stats.gracefulShutdown.value_or(false); }
    bool shuttingDown() const { return stats.shuttingDown.value_or(false); }
    const std::string& region() const { return stats.region; }
};

}  // namespace jicofo::bridge
