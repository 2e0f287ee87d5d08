#pragma once
// Requests the focus would send a Colibri2 bridge (docs/media.md §2b), for the simulator's unit tests.
#include <string>

#include "protocol/colibri2/ConferenceModify.h"

namespace jicofo::test {

// A new endpoint: audio+video media, <transport ice-controlling='true'> (+ <sctp/>), its named sources
// EPID-a0 (audio, ssrc) and EPID-v0 (video, ssrc+1 with RTX ssrc+2 in a FID group), source-names capability.
inline protocol::colibri2::Endpoint newEndpoint(const std::string& id, uint32_t ssrc, bool sctp = true) {
    using namespace protocol::colibri2;
    Endpoint ep;
    ep.id = id;
    ep.create = true;
    ep.statsId = id + "-stats";
    for (const char* type : {"audio", "video"}) {
        Media m;
        m.type = type;
        m.payloadTypes.push_back(std::string(type) == "audio"
                                     ? protocol::jingle::PayloadType::make(111, "opus", 48000, 2)
                                     : protocol::jingle::PayloadType::make(100, "VP8", 90000));
        ep.medias.push_back(m);
    }
    ep.transport = Colibri2Transport{};
    ep.transport->iceControlling = true;
    if (sctp) ep.transport->sctp = Sctp{};
    Sources s;
    s.mediaSources.push_back(MediaSource::single("audio", id + "-a0", ssrc));
    MediaSource video = MediaSource::single("video", id + "-v0", ssrc + 1);
    protocol::jingle::Source rtx = protocol::jingle::Source::make(ssrc + 2);
    setSourceName(rtx, id + "-v0");
    video.sources.push_back(rtx);
    video.groups.push_back({"FID", {ssrc + 1, ssrc + 2}, {}});
    s.mediaSources.push_back(video);
    ep.sources = s;
    ep.capabilities.push_back({kCapSourceNames, {}});
    return ep;
}

inline protocol::colibri2::ConferenceModify createConference(const std::string& meetingId,
                                                             const std::string& endpoint,
                                                             uint32_t ssrc = 1000) {
    protocol::colibri2::ConferenceModify req;
    req.meetingId = meetingId;
    req.name = "r1@conference.example.com";
    req.create = true;
    req.endpoints.push_back(newEndpoint(endpoint, ssrc));
    return req;
}

inline protocol::colibri2::ConferenceModify modify(const std::string& meetingId) {
    protocol::colibri2::ConferenceModify req;
    req.meetingId = meetingId;
    return req;
}

}  // namespace jicofo::test
