#pragma once
// The focus's Colibri v1 requests (docs/media.md §2.2–2.5, docs/protocol.md §6.1). Each returns the
// <conference> payload; the caller wraps it in an IQ to the bridge from the focus's full JID: allocate is
// type **get**, every other request type **set**. Builders returning nullopt mean "nothing to send" (2015
// sent no IQ). Which requests carry the conference name follows 2015: every builder-made request does, the
// sources update does not.
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
};

// §2.2: one content per template content (Colibri name = mediaOf), each with one channel (data: one
// sctpconnection) with endpoint and initiator='true'; RTP channels carry the template's payload types and
// rtp-hdrext plus last-n/adaptive-last-n/simulcast-mode when set. Bundle: channel-bundle-id = endpoint on
// each and a <channel-bundle id=endpoint> holding the first template transport; non-bundle: each carries
// its content's template transport. Never sent: expire, direction, rtp-level-relay-type, sources,
// adaptive-simulcast.
ColibriConference buildAllocate(const std::vector<jingle::Content>& offerTemplate,
                                const AllocateOptions& options);

// §2.4a, after session-accept, source-add, source-remove and leave: for each RTP channel, the participant's
// complete current sources and groups of that media (whole-set semantics); no source ⇒ one <source/>
// without ssrc (bridge: clear), no group ⇒ one empty <ssrc-group semantics='SIM'/> (bridge: no layers).
// Channels carry only their id; the conference only its id.
ColibriConference buildSourcesUpdate(const ParticipantChannels& channels,
                                     const jingle::MediaSources& sources);

// §2.4b/c, after session-accept and each transport-info. Bundled: the first content's transport that has
// one, relayed (ufrag, pwd, candidates, fingerprints; sctpmap dropped) with rtcp-mux forced, into the
// participant's channel-bundle. Not bundled: per content with a transport, its Colibri content's first
// channel or sctpconnection with id, endpoint, initiator='true' and the relayed transport.
// offeredContents: the offer's content names, to resolve mid-named contents (see jingle::mediaOf).
std::optional<ColibriConference> buildTransportUpdate(const ParticipantChannels& channels,
                                                      const std::string& conferenceName,
                                                      const std::vector<jingle::Content>& contents,
                                                      const std::vector<std::string>& offeredContents = {});

// §2.4d, once after session-accept: per answered content with payload types, its first channel (id) with
// the answer's payload-type elements.
std::optional<ColibriConference> buildPayloadTypesUpdate(
    const ParticipantChannels& channels, const std::string& conferenceName,
    const std::vector<jingle::Content>& contents, const std::vector<std::string>& offeredContents = {});

// The three updates a session-accept causes, in the order the 2015 focus sent them (after storing the
// sources and before/after notifying peers, see docs/media.md §3.5): sources (wait for the reply), transport,
// payload types.
struct AcceptUpdates {
    ColibriConference sources;
    std::optional<ColibriConference> transport, payloadTypes;
};
AcceptUpdates buildAcceptUpdates(const ParticipantChannels& channels, const std::string& conferenceName,
                                 const jingle::Jingle& sessionAccept,
                                 const jingle::MediaSources& currentSources,
                                 const std::vector<std::string>& offeredContents = {});

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
