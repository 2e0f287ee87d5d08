#pragma once
// Bridge selection among the brewery's bridges (docs/media.md §1.5; jicofo's
// BridgeSelector.selectBridge, Bridge.compare and SingleBridgeSelectionStrategy), pure: the states come from
// Brewery::bridges().
//  1. Operational bridges only (healthy, and no failure within the failure reset threshold), then drop
//     shutting_down ones, then prefer those not draining, then those not in graceful shutdown.
//  2. Order by priority (operational < graceful shutdown < non-operational), then corrected stress
//     (stress_level + endpoints added within the rampup interval × average_participant_stress), then JID.
//  3. One bridge per conference: a conference that has a bridge keeps it (nothing when it is not
//     operational: the conference must move). Otherwise the least loaded bridge in the participant's region,
//     failing that the least loaded of all.
// overloaded() (corrected stress >= threshold) is reported for logs and stats; like jicofo's single-bridge
// strategy, selection does not skip overloaded bridges.
#include <optional>
#include <string>
#include <vector>

#include "bridge/BreweryBridge.h"
#include "bridge/BrewerySettings.h"

namespace jicofo::bridge {

class BrewerySelector {
  public:
    explicit BrewerySelector(BrewerySelection settings) : settings_(settings) {}

    bool isOperational(const BreweryBridge& b, util::TimePoint now) const;
    int recentEndpoints(const BreweryBridge& b, util::TimePoint now) const;
    double correctedStress(const BreweryBridge& b, util::TimePoint now) const;
    bool overloaded(const BreweryBridge& b, util::TimePoint now) const;
    // Every bridge, best first (step 2).
    std::vector<util::Jid> prioritized(const std::vector<BreweryBridge>& bridges, util::TimePoint now) const;
    // The bridge for a new participant (steps 1–3); nullopt when none fits.
    std::optional<util::Jid> select(const std::vector<BreweryBridge>& bridges,
                                    const std::optional<util::Jid>& conferenceBridge,
                                    const std::string& participantRegion, util::TimePoint now) const;

    const BrewerySelection& settings() const { return settings_; }

  private:
    BrewerySelection settings_;
};

}  // namespace jicofo::bridge
