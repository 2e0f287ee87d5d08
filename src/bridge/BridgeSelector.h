#pragma once
// The prioritized bridge list for one allocation (docs/media.md §1.3), with the 2015 bugs fixed on purpose:
//  - the pre-configured bridge (the `bridge` property of the conference IQ) is passed per call, never kept
//    in the selector, so one conference's hint never leaks into another;
//  - a failed bridge is eligible again once failureResetThreshold has passed, whatever the configuration
//    (the caller passes the effective threshold);
//  - ties are broken by JID, so the order never depends on hash order.
// Stateless apart from the threshold: the bridge states come from BridgeRegistry::bridges().
//
//   BridgeSelector selector(std::chrono::minutes(5));
//   auto order = selector.order(registry.bridges(), conferenceHint, loop.now());
#include <optional>
#include <vector>

#include "bridge/BridgeState.h"
#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::bridge {

class BridgeSelector {
  public:
    explicit BridgeSelector(util::Duration failureResetThreshold) : threshold_(failureResetThreshold) {}

    // Healthy and not failed within the threshold (2015: now - failedAt > threshold).
    bool isOperational(const BridgeState& bridge, util::TimePoint now) const;

    // Every listed bridge: operational ones first, then ascending videostreams (unknown = last), then JID.
    // The hint, when set and not listed, comes first if no listed bridge is operational, else last.
    std::vector<util::Jid> order(const std::vector<BridgeState>& bridges,
                                 const std::optional<util::Jid>& hint, util::TimePoint now) const;

    util::Duration failureResetThreshold() const { return threshold_; }

  private:
    util::Duration threshold_;
};

}  // namespace jicofo::bridge
