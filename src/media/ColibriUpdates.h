#pragma once
// Which Colibri v1 updates a participant's Jingle causes, and what they carry (docs/media.md §2.4, §3.5): the
// focus's decisions about relaying an answer to the bridge, built from protocol/colibri's wire types. Each
// returns the <conference> payload of an IQ set to the bridge; nullopt means "nothing to send" (2015 sent no
// IQ). The sources update carries no conference name (2015); the others do.
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri/ColibriConference.h"
#include "protocol/colibri/ParticipantChannels.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/jingle/MediaSources.h"

namespace jicofo::media {

// §2.4a, after session-accept, source-add, source-remove and leave: for each RTP channel, the participant's
// complete current sources and groups of that media (whole-set semantics); no source ⇒ one <source/>
// without ssrc (bridge: clear), no group ⇒ one empty <ssrc-group semantics='SIM'/> (bridge: no layers).
// Channels carry only their id; the conference only its id.
protocol::colibri::ColibriConference buildSourcesUpdate(
    const protocol::colibri::ParticipantChannels& channels, const protocol::jingle::MediaSources& sources);

// §2.4b/c, after session-accept and each transport-info. Bundled: the first content's transport that has
// one, relayed (ufrag, pwd, candidates, fingerprints; sctpmap dropped) with rtcp-mux forced, into the
// participant's channel-bundle. Not bundled: per content with a transport, its Colibri content's first
// channel or sctpconnection with id, endpoint, initiator='true' and the relayed transport.
// offeredContents: the offer's content names, to resolve mid-named contents (see jingle::mediaOf).
std::optional<protocol::colibri::ColibriConference> buildTransportUpdate(
    const protocol::colibri::ParticipantChannels& channels, const std::string& conferenceName,
    const std::vector<protocol::jingle::Content>& contents,
    const std::vector<std::string>& offeredContents = {});

// §2.4d, once after session-accept: per answered content with payload types, its first channel (id) with
// the answer's payload-type elements.
std::optional<protocol::colibri::ColibriConference> buildPayloadTypesUpdate(
    const protocol::colibri::ParticipantChannels& channels, const std::string& conferenceName,
    const std::vector<protocol::jingle::Content>& contents,
    const std::vector<std::string>& offeredContents = {});

// The three updates a session-accept causes, in the order the 2015 focus sent them as three IQs
// (docs/media.md §3.5): sources, transport, payload types. merged() is what this focus sends: one IQ with all
// three (a Colibri v1 bridge applies every child of a channel it is given), which saves Prosody two round
// trips per participant (issue 10 §5).
struct AcceptUpdates {
    protocol::colibri::ColibriConference sources;
    std::optional<protocol::colibri::ColibriConference> transport, payloadTypes;

    protocol::colibri::ColibriConference merged() const;
};

// Folds `from` into `into`: contents by name, channels and sctpconnections by id (what `into` lacks is taken
// from `from`), channel-bundles by id; the conference name when `into` has none.
void mergeUpdate(protocol::colibri::ColibriConference& into,
                 const protocol::colibri::ColibriConference& from);
AcceptUpdates buildAcceptUpdates(const protocol::colibri::ParticipantChannels& channels,
                                 const std::string& conferenceName,
                                 const protocol::jingle::Jingle& sessionAccept,
                                 const protocol::jingle::MediaSources& currentSources,
                                 const std::vector<std::string>& offeredContents = {});

}  // namespace jicofo::media
