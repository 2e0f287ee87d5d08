#pragma once
// What the focus knows of one videobridge (docs/media.md §1.3): why it is listed, whether it answers, when an
// allocation last failed on it, and the load it last reported through PubSub.
#include <cstdint>
#include <optional>

#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::bridge {

struct BridgeState {
    util::Jid jid;
    // Listed by the last disco#items of the domain with the four bridge features (§1.1).
    bool viaDisco = false;
    // Vouched for by the shared stats node (§1.2) until its reports age out.
    bool viaStats = false;
    // False after a failed health check (or a failed disco#info); true again once it answers.
    bool healthy = true;
    // The last allocation error/timeout on it; cleared by a successful allocation (§1.4).
    std::optional<util::TimePoint> failedAt;
    // PubSub stats (§1.2); unknown until the bridge reports them.
    std::optional<int64_t> conferences, videochannels, videostreams;
    std::optional<util::TimePoint> statsAt;
};

}  // namespace jicofo::bridge
