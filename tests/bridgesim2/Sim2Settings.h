#pragma once
// What the simulated modern videobridge publishes in the brewery and how it behaves (docs/architecture.md
// §6.4). The stats are those jicofo reads (docs/media.md §1.5); the switches let tests break the bridge at
// run time (Bridge2Control.h).
#include <cstdint>
#include <string>

namespace jicofo::bridgesim2 {

struct BreweryStatsSettings {
    double stressLevel = 0.0;
    double averageParticipantStress = 0.01;
    std::string region;  // "" ⇒ no region stat
    bool drain = false;
    bool gracefulShutdown = false;  // also refuses new conferences with graceful_shutdown
    bool shuttingDown = false;      // likewise
    bool healthy = true;            // false: healthcheck answers internal-server-error
    std::string version = "2.3.0-bridgesim2";
    std::string relayId;  // "" ⇒ none
};

struct BehaviourSwitches {
    bool silent = false;   // swallow every IQ but control and listing
    uint32_t delayMs = 0;  // hold every answer (but control and listing) that long
};

struct TransportSettings {
    std::string localAddress = "127.0.0.1";  // of the one host candidate (nothing is bound)
    uint16_t firstPort = 10000;              // host candidate ports handed out in turn
    uint16_t portRange = 10000;
    // Base of the colibri web-socket URL (e.g. wss://127.0.0.1:8443/colibri-ws/jvb1); each endpoint gets
    // BASE/MEETING-ID/EPID?pwd=PWD. "" ⇒ no <web-socket/>.
    std::string webSocketBase;
};

}  // namespace jicofo::bridgesim2
