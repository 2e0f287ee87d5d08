#include "media/ParticipantFeatures.h"

#include <algorithm>

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::media {

namespace ns = protocol::jingle::ns;

ParticipantFeatures ParticipantFeatures::fromDisco(const std::vector<std::string>& features) {
    auto has = [&](const char* f) {
        return std::find(features.begin(), features.end(), f) != features.end();
    };
    ParticipantFeatures p;
    p.audio = has(ns::kRtpAudio);
    p.video = has(ns::kRtpVideo);
    p.sctp = has(ns::kSctp);
    p.ice = has(ns::kIceUdp);
    p.dtls = has(ns::kDtls);
    p.rtcpMux = has(ns::kRtcpMuxFeature);
    p.bundle = has(ns::kBundleFeature);
    p.jigasi = has("http://jitsi.org/protocol/jigasi");
    p.jsonSources = has(ns::kJsonSourcesFeature);
    return p;
}

}  // namespace jicofo::media
