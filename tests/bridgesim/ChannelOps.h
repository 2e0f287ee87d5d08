#pragma once
// How the 2015 bridge applied a Colibri channel request to a channel and described a channel back
// (docs/media.md §2.3, §2.4; jvb Videobridge.handleColibriConferenceIQ and the describe() methods).
#include <optional>

#include "bridgesim/SimConference.h"
#include "protocol/colibri/ChannelBundle.h"
#include "protocol/colibri/ColibriContent.h"
#include "protocol/stanza/StanzaError.h"

namespace jicofo::bridgesim {

namespace colibri = protocol::colibri;

// Applies everything but expire, bundle and transport. An empty payload-type, rtp-hdrext, source or group
// list leaves the channel's as it was; a non-empty one replaces it (a <source/> without ssrc or an empty
// <ssrc-group/> then leaves none). Direction is always applied: absent means sendrecv, so any update
// unmutes (2015 quirk). An unknown direction value is bad-request.
std::optional<protocol::StanzaError> applyChannelRequest(SimRtpChannel& channel, const colibri::Channel& req);

// A transport child in a namespace other than ICE-UDP / raw-UDP (the 2015 bridge threw, answering
// internal-server-error).
bool hasUnsupportedTransport(const std::vector<xml::Element>& extraChildren);

// <channel id endpoint expire initiator channel-bundle-id|transport rtp-level-relay-type='translator'
// [direction] [last-n] [receive-simulcast-layer]><source ssrc=bridge SSRC/></channel>
colibri::Channel describeChannel(const SimRtpChannel& channel, const SimContent& content);
// <sctpconnection id endpoint expire initiator channel-bundle-id|transport port/>
colibri::SctpConnection describeSctp(const SimSctpConnection& sctp);
// <channel-bundle id><transport ufrag pwd><rtcp-mux/><fingerprint/><candidate/>…</transport></channel-bundle>
colibri::ChannelBundle describeBundle(const SimBundle& bundle);

}  // namespace jicofo::bridgesim
