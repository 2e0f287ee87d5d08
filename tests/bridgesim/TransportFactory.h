#pragma once
// Makes the bridge's side of ICE/raw-UDP transports as the 2015 jitsi-videobridge described them
// (docs/media.md §2.3): ufrag and pwd, one DTLS fingerprint (sha-1, no setup) for the whole process, and host
// candidates on the configured address. Bundles get one component with rtcp-mux, non-bundled SCTP connections
// one without, non-bundled RTP channels two (RTP and RTCP) without. Nothing is bound: the simulator carries
// no media.
#include <cstdint>
#include <string>

#include "bridgesim/BridgeConfig.h"
#include "protocol/jingle/Transport.h"

namespace jicofo::bridgesim {

class TransportFactory {
  public:
    explicit TransportFactory(const BridgeConfig& config);

    // A new local transport; ICE transports get fresh ufrag/pwd and each component its own UDP port.
    protocol::jingle::Transport create(protocol::jingle::Transport::Kind kind, int components, bool rtcpMux);
    // The DTLS certificate fingerprint (20 colon-separated upper-case hex bytes).
    const std::string& fingerprint() const { return fingerprint_; }

    // RFC 8445 §5.1.2.1 priority, as ice4j computed it for host candidates (type preference 126 for UDP,
    // 100 for TCP; local preference 65535).
    static uint32_t hostPriority(bool tcp, uint32_t component);

  private:
    uint16_t nextPort();

    const BridgeConfig& config_;
    std::string fingerprint_;
    uint32_t portOffset_ = 0;
};

// Merges what a client sent (through the focus) into the stored remote transport, as ICE did with
// transport-info batches: ufrag, pwd and fingerprints replace when present, candidates accumulate (same
// component, protocol, ip and port counted once); candidates of a later generation than 0 are ignored, and
// RTCP candidates too when the transport is rtcp-muxed.
void mergeRemoteTransport(protocol::jingle::Transport& stored, const protocol::jingle::Transport& incoming);

}  // namespace jicofo::bridgesim
