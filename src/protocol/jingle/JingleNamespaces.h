#pragma once
// Namespace URIs of the Jingle, RTP, transport and Jitsi media extensions (docs/media.md §0). The Jingle core
// namespace itself is protocol::ns::kJingle; Colibri is protocol::ns::kColibri
// (protocol/stanza/Namespaces.h).
namespace jicofo::protocol::jingle::ns {

inline constexpr const char* kJingle = "urn:xmpp:jingle:1";
inline constexpr const char* kRtp = "urn:xmpp:jingle:apps:rtp:1";
inline constexpr const char* kRtpAudio = "urn:xmpp:jingle:apps:rtp:audio";  // disco features only
inline constexpr const char* kRtpVideo = "urn:xmpp:jingle:apps:rtp:video";
inline constexpr const char* kIceUdp = "urn:xmpp:jingle:transports:ice-udp:1";
inline constexpr const char* kRawUdp = "urn:xmpp:jingle:transports:raw-udp:1";
inline constexpr const char* kDtls = "urn:xmpp:jingle:apps:dtls:0";
inline constexpr const char* kSctp = "urn:xmpp:jingle:transports:dtls-sctp:1";
inline constexpr const char* kGrouping = "urn:xmpp:jingle:apps:grouping:0";
inline constexpr const char* kSsma = "urn:xmpp:jingle:apps:rtp:ssma:0";
inline constexpr const char* kRtcpFb = "urn:xmpp:jingle:apps:rtp:rtcp-fb:0";
inline constexpr const char* kRtpHdrExt = "urn:xmpp:jingle:apps:rtp:rtp-hdrext:0";
inline constexpr const char* kJitMeet = "http://jitsi.org/jitmeet";
inline constexpr const char* kEstosBundle = "http://estos.de/ns/bundle";
inline constexpr const char* kStartMuted = "http://jitsi.org/jitmeet/start-muted";
inline constexpr const char* kColibri = "http://jitsi.org/protocol/colibri";
// The focus's own Jingle extensions: <bridge-session>, <ice-state> (docs/media.md §3.7).
inline constexpr const char* kFocus = "http://jitsi.org/protocol/focus";
// Disco features that only appear in feature lists (docs/media.md §3.1).
inline constexpr const char* kRtcpMuxFeature = "urn:ietf:rfc:5761";
inline constexpr const char* kBundleFeature = "urn:ietf:rfc:5888";
inline constexpr const char* kRtxFeature = "urn:ietf:rfc:4588";
inline constexpr const char* kJsonSourcesFeature = "http://jitsi.org/json-encoded-sources";

}  // namespace jicofo::protocol::jingle::ns
