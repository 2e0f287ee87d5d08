#pragma once
// Settings of the simulated 2015 videobridge's Colibri core. Defaults are those of jitsi-videobridge at the
// time (docs/media.md §2.3, §2.5, §5.4); tests shorten the times.
#include <cstdint>
#include <string>

namespace jicofo::bridgesim {

struct BridgeConfig {
    // Written as expire='N' on channels the focus gave no expire; a channel idle that long is dropped by the
    // next sweep. Also the idle time after which an empty content and a conference are dropped.
    uint32_t defaultExpireSeconds = 60;
    // Address of the host candidates (the simulator never binds them: no media is carried).
    std::string localAddress = "127.0.0.1";
    // UDP ports handed out in turn to each ICE component, in [firstPort, firstPort + portRange).
    uint16_t firstPort = 10000;
    uint16_t portRange = 10000;
    // The 2015 TCP harvester's passive host candidate (443, or 4443 when 443 could not be bound); 0 = none.
    uint16_t tcpPort = 4443;
    // A channel whose remote transport has candidates counts as receiving media, which keeps it (and its
    // conference) alive as real RTP would. Off: only Colibri requests keep channels alive.
    bool mediaKeepsAlive = true;
    // org.jitsi.videobridge.AUTHORIZED_SOURCE_REGEXP: when set, requests from other JIDs get not-authorized.
    std::string authorizedSourceRegexp;
};

}  // namespace jicofo::bridgesim
