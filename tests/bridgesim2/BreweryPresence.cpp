#include "bridgesim2/BreweryPresence.h"

namespace jicofo::bridgesim2 {

protocol::colibri2::BreweryStats breweryStats(const BreweryStatsSettings& s, const Colibri2Bridge& bridge) {
    protocol::colibri2::BreweryStats stats;
    stats.stressLevel = s.stressLevel;
    stats.averageParticipantStress = s.averageParticipantStress;
    stats.gracefulShutdown = s.gracefulShutdown;
    stats.shuttingDown = s.shuttingDown;
    stats.drain = s.drain;
    stats.healthy = s.healthy;
    stats.colibri2 = true;
    stats.version = s.version;
    stats.region = s.region;
    stats.relayId = s.relayId;
    stats.others.emplace_back("conferences", std::to_string(bridge.conferences().size()));
    stats.others.emplace_back("participants", std::to_string(bridge.endpointCount()));
    return stats;
}

}  // namespace jicofo::bridgesim2
