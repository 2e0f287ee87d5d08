#include "bridge/BrewerySelector.h"

#include <algorithm>
#include <tuple>

namespace jicofo::bridge {

namespace {

template <typename Pred>
void preferIfAny(std::vector<const BreweryBridge*>& candidates, Pred pred) {
    std::vector<const BreweryBridge*> preferred;
    std::copy_if(candidates.begin(), candidates.end(), std::back_inserter(preferred), pred);
    if (!preferred.empty()) candidates = std::move(preferred);
}

}  // namespace

bool BrewerySelector::isOperational(const BreweryBridge& b, util::TimePoint now) const {
    if (!b.healthy) return false;
    return !b.failedAt || now - *b.failedAt >= settings_.failureResetThreshold;
}

int BrewerySelector::recentEndpoints(const BreweryBridge& b, util::TimePoint now) const {
    return static_cast<int>(
        std::count_if(b.recentEndpoints.begin(), b.recentEndpoints.end(),
                      [&](util::TimePoint t) { return now - t < settings_.participantRampup; }));
}

double BrewerySelector::correctedStress(const BreweryBridge& b, util::TimePoint now) const {
    double perParticipant = b.stats.averageParticipantStress.value_or(settings_.averageParticipantStress);
    return b.stressLevel() + recentEndpoints(b, now) * perParticipant;
}

bool BrewerySelector::overloaded(const BreweryBridge& b, util::TimePoint now) const {
    return correctedStress(b, now) >= settings_.stressThreshold;
}

std::vector<util::Jid> BrewerySelector::prioritized(const std::vector<BreweryBridge>& bridges,
                                                    util::TimePoint now) const {
    struct Ranked {
        int priority;
        double stress;
        std::string jid;
        const BreweryBridge* bridge;
    };
    std::vector<Ranked> ranked;
    for (const auto& b : bridges) {
        int priority = !isOperational(b, now) ? 3 : b.gracefulShutdown() ? 2 : 1;
        ranked.push_back({priority, correctedStress(b, now), b.jid.str(), &b});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return std::tie(a.priority, a.stress, a.jid) < std::tie(b.priority, b.stress, b.jid);
    });
    std::vector<util::Jid> out;
    for (const auto& r : ranked) out.push_back(r.bridge->jid);
    return out;
}

std::optional<util::Jid> BrewerySelector::select(const std::vector<BreweryBridge>& bridges,
                                                 const std::optional<util::Jid>& conferenceBridge,
                                                 const std::string& participantRegion,
                                                 util::TimePoint now) const {
    if (conferenceBridge) {
        for (const auto& b : bridges)
            if (b.jid == *conferenceBridge && isOperational(b, now)) return b.jid;
        return std::nullopt;
    }
    std::vector<const BreweryBridge*> candidates;
    for (const auto& jid : prioritized(bridges, now))
        for (const auto& b : bridges)
            if (b.jid == jid && isOperational(b, now) && !b.shuttingDown()) candidates.push_back(&b);
    preferIfAny(candidates, [](const BreweryBridge* b) { return !b->draining(); });
    preferIfAny(candidates, [](const BreweryBridge* b) { return !b->gracefulShutdown(); });
    if (candidates.empty()) return std::nullopt;
    if (!participantRegion.empty())
        for (const auto* b : candidates)
            if (b->region() == participantRegion) return b->jid;
    return candidates.front()->jid;
}

}  // namespace jicofo::bridge
