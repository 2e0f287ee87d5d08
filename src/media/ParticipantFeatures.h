#pragma once
// What a participant's disco#info features allow in its offer (docs/media.md §3.1, docs/protocol.md §5.4).
#include <string>
#include <vector>

namespace jicofo::media {

struct ParticipantFeatures {
    bool audio = true;    // urn:xmpp:jingle:apps:rtp:audio
    bool video = true;    // urn:xmpp:jingle:apps:rtp:video
    bool sctp = true;     // urn:xmpp:jingle:transports:dtls-sctp:1
    bool ice = true;      // urn:xmpp:jingle:transports:ice-udp:1 (else raw-UDP)
    bool dtls = true;     // urn:xmpp:jingle:apps:dtls:0
    bool rtcpMux = true;  // urn:ietf:rfc:5761
    bool bundle = true;   // urn:ietf:rfc:5888
    bool jigasi = false;  // http://jitsi.org/protocol/jigasi
    // http://jitsi.org/json-encoded-sources: sources in a <json-message> (docs/media.md §3.7a). Never
    // assumed.
    bool jsonSources = false;

    // From the feature list of the participant's disco#info result.
    static ParticipantFeatures fromDisco(const std::vector<std::string>& features);
    // When disco#info fails: everything but jigasi assumed (the defaults).
    static ParticipantFeatures assumed() { return {}; }
    // Bundle needs both rtcp-mux and BUNDLE grouping.
    bool useBundle() const { return rtcpMux && bundle; }
};

}  // namespace jicofo::media
