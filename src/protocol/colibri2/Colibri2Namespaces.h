#pragma once
// Namespace URIs of Colibri2 and of the modern bridge's other IQs (docs/media.md §1.5, §2b). The ICE, DTLS
// and source namespaces are jingle::ns (protocol/jingle/JingleNamespaces.h); the <web-socket/> inside a
// Colibri2 ICE transport and the brewery <stats> stay in the Colibri v1 namespace (protocol::ns::kColibri).
namespace jicofo::protocol::colibri2::ns {

inline constexpr const char* kColibri2 = "jitsi:colibri2";
inline constexpr const char* kHealthCheck = "http://jitsi.org/protocol/healthcheck";
inline constexpr const char* kColibri = "http://jitsi.org/protocol/colibri";

}  // namespace jicofo::protocol::colibri2::ns
