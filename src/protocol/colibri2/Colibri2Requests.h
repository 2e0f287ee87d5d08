#pragma once
// The focus's Colibri2 requests and what it reads of the answers (docs/media.md §2b), as pure builders; the
// caller wraps each conference-modify in an IQ (get or set) to the bridge's brewery occupant JID. The
// decisions (when to create, which bridge, what to do on an error) stay with the caller.
//
//   auto create = buildCreateEndpoint(offerTemplate, participantSources, options);   // first participant:
//                                                                                    // createConference
//   auto alloc = readAllocation(conferenceModified, endpoint);  // transport, sctp port, feedback SSRCs
//   auto update = buildEndpointUpdate(meetingId, endpoint, &acceptTransport, &allSources);
//   auto leave = buildEndpointExpire(meetingId, endpoint);
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri2/ConferenceModified.h"
#include "protocol/colibri2/ConferenceModify.h"
#include "protocol/jingle/Content.h"
#include "protocol/jingle/MediaSources.h"

namespace jicofo::protocol::colibri2 {

struct EndpointOptions {
    std::string meetingId;
    std::string conferenceName;     // the room's bare JID (written only with createConference)
    bool createConference = false;  // the conference's first request to this bridge
    std::string endpoint;           // EPID = the participant's MUC nickname
    std::string statsId;            // "" ⇒ absent
    std::optional<ForceMute> forceMute;
};

// <conference-modify [create name]><endpoint create> with one <media> per audio/video content of the offer
// (its payload types and rtp-hdrext; extmap-allow-mixed when the description carries it), <transport
// ice-controlling='true'> (+ <sctp/> when the offer has a data content), the participant's sources (see
// toColibriSources; none ⇒ no <sources>), <capability name='source-names'/>, and force-mute when given.
ConferenceModify buildCreateEndpoint(const std::vector<jingle::Content>& offer,
                                     const jingle::MediaSources& sources, const EndpointOptions& options);

// The endpoint's complete source set as Colibri2 media-sources: per audio/video media, one media-source per
// source name (a source without a name goes to EPID-a0 / EPID-v0), holding its SSRCs (each <source> with
// ssrc and name) and the ssrc-groups whose first SSRC is one of them. Other media are left out.
Sources toColibriSources(const std::string& endpoint, const jingle::MediaSources& sources);

// <endpoint id> with the client's transport (ufrag, pwd, fingerprints, candidates; relayCopy) and/or its
// complete sources (an empty set is written as an empty <sources/>: "nothing any more").
ConferenceModify buildEndpointUpdate(const std::string& meetingId, const std::string& endpoint,
                                     const jingle::Transport* transport, const jingle::MediaSources* sources);
ConferenceModify buildEndpointExpire(const std::string& meetingId, const std::string& endpoint);
// <endpoint id><force-mute audio video/></endpoint>: a moderator's mute (or the participant's own unmute).
ConferenceModify buildForceMute(const std::string& meetingId, const std::string& endpoint, ForceMute mute);
ConferenceModify buildConferenceExpire(const std::string& meetingId);

// What an allocation answer gives the offer: the bridge's ICE transport (web-socket children included), its
// SCTP port when it opened one, and the feedback SSRC per media (audio ← jvb-a0, video ← jvb-v0) when the
// answer carries feedback sources.
struct Allocation {
    jingle::Transport transport;
    std::optional<uint16_t> sctpPort;
    std::vector<std::string> webSockets;
    std::map<std::string, uint32_t> feedbackSsrcs;
};
// bad-request when the answer has no such endpoint or it lacks an ICE transport.
ParseResult<Allocation> readAllocation(const ConferenceModified& answer, const std::string& endpoint);

}  // namespace jicofo::protocol::colibri2
