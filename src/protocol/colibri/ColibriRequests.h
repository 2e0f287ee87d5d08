#pragma once
// The focus's Colibri v1 requests (docs/media.md §2.2–2.5, docs/protocol.md §6.1). Each returns the
// <conference> payload; the caller wraps it in an IQ to the bridge from the focus's full JID: allocate is
// type **get**, every other request type **set**. Builders returning nullopt mean "nothing to send" (2015
// sent no IQ). Which requests carry the conference name follows 2015: every builder-made request does.
// The updates a participant's answer causes (sources, transport, payload types) are the focus's decisions and
// live in media/ColibriUpdates.h.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri/ParticipantChannels.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/jingle/MediaSources.h"

namespace jicofo::protocol::colibri {

struct AllocateOptions {
    std::string conferenceId;    // "" on the conference's first allocation (the bridge creates it)
    std::string conferenceName;  // room local part, e.g. "r1"
    std::string endpoint;        // the participant's nick
    bool bundle = true;          // ParticipantFeatures::useBundle()
    // From the conference IQ (channelLastN, adaptiveLastN, simulcastMode upper-cased, e.g. "REWRITING").
    std::optional<int32_t> lastN;
    std::optional<bool> adaptiveLastN;
    std::string simulcastMode;
    // Not sent to a 2015 bridge: the participant's jitsi_participant_region, which a Colibri2 allocation
    // uses to choose a brewery bridge (docs/media.md §1.5). "" when it gave none.
    std::string region;
};

// §2.2: one content per template content (Colibri name = mediaOf), each with one channel (data: one
// sctpconnection) with endpoint and initiator='true'; RTP channels carry the template's payload types and
// rtp-hdrext plus last-n/adaptive-last-n/simulcast-mode when set. Bundle: channel-bundle-id = endpoint on
// each and a <channel-bundle id=endpoint> holding the first template transport; non-bundle: each carries
// its content's template transport. Never sent: expire, direction, rtp-level-relay-type, sources,
// adaptive-simulcast.
ColibriConference buildAllocate(const std::vector<jingle::Content>& offerTemplate,
                                const AllocateOptions& options);

// §2.4e / docs/protocol.md §6.1: the audio channel(s) with direction='sendonly' (mute) or without direction
// (unmute = sendrecv). nullopt when the participant has no audio channel.
std::optional<ColibriConference> buildAudioMute(const ParticipantChannels& channels,
                                                const std::string& conferenceName, bool mute);

// §2.5: expire='0' for every given channel (<channel id expire='0'/>) and sctpconnection
// (<sctpconnection id endpoint expire='0' port='5000'/>), in one request. nullopt when there is none.
std::optional<ColibriConference> buildExpire(const std::string& conferenceId,
                                             const std::string& conferenceName,
                                             const std::vector<ParticipantChannels>& participants);

}  // namespace jicofo::protocol::colibri
