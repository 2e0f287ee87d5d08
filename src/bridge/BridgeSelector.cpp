#include "bridge/BridgeSelector.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace jicofo::bridge {

bool BridgeSelector::isOperational(const BridgeState& bridge, util::TimePoint now) const {
    if (!bridge.healthy) return false;
    return !bridge.failedAt || now - *bridge.failedAt > threshold_;
}

std::vector<util::Jid> BridgeSelector::order(const std::vector<BridgeState>& bridges,
                                             const std::optional<util::Jid>& hint,
                                             util::TimePoint now) const {
    struct Ranked {
        bool down;
        int64_t load;
        std::string jid;
        const BridgeState* state;
    };
    std::vector<Ranked> ranked;
    ranked.reserve(bridges.size());
    bool anyOperational = false;
    for (const auto& b : bridges) {
        bool operational = isOperational(b, now);
        anyOperational = anyOperational || operational;
        ranked.push_back(
            {!operational, b.videostreams.value_or(std::numeric_limits<int64_t>::max()), b.jid.str(), &b});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return std::tie(a.down, a.load, a.jid) < std::tie(b.down, b.load, b.jid);
    });
    std::vector<util::Jid> out;
    out.reserve(ranked.size() + 1);
    for (const auto& r : ranked) out.push_back(r.state->jid);
    if (hint && !hint->empty() && std::find(out.begin(), out.end(), *hint) == out.end()) {
        if (anyOperational)
            out.push_back(*hint);
        else
            out.insert(out.begin(), *hint);
    }
    return out;
}

}  // namespace jicofo::bridge
