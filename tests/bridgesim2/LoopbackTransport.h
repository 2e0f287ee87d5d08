#pragma once
// The bridge's side of an endpoint's transport as a modern jitsi-videobridge describes it (docs/media.md §2b
// "Response"): fresh ufrag/pwd, one sha-256 fingerprint with setup='actpass' for the whole process, rtcp-mux,
// one UDP host candidate on the configured (loopback) address, and a <web-socket/> when configured. Nothing
// is bound: the simulator carries no media.
#include <cstdint>
#include <string>

#include "bridgesim2/Sim2Settings.h"
#include "protocol/colibri2/Colibri2Transport.h"

namespace jicofo::bridgesim2 {

class LoopbackTransport {
  public:
    explicit LoopbackTransport(TransportSettings settings);

    // The ICE transport for a new endpoint of that conference (web-socket URL included when configured).
    protocol::jingle::Transport create(const std::string& meetingId, const std::string& endpointId);
    const std::string& fingerprint() const { return fingerprint_; }
    const TransportSettings& settings() const { return settings_; }

  private:
    uint16_t nextPort();

    TransportSettings settings_;
    std::string fingerprint_;
    uint32_t portOffset_ = 0;
};

}  // namespace jicofo::bridgesim2
