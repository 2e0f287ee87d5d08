#pragma once
// Colibri v1 RTP <channel> (docs/media.md §2.1) in http://jitsi.org/protocol/colibri. Attributes are omitted
// when unset; payload-type and its parameters are written in the Colibri namespace, rtcp-fb, rtp-hdrext,
// source and ssrc-group in their own. <ssrc>N</ssrc> children are the SSRCs the bridge has received.
// A second ICE/raw-UDP transport is refused (bad-request). Kept for round trip: unknown attributes and
// children, order of child kinds; default order: payload-type, rtp-hdrext, source, ssrc-group, ssrc,
// transport.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/PayloadType.h"
#include "protocol/jingle/RtpHdrExt.h"
#include "protocol/jingle/Source.h"
#include "protocol/jingle/SourceGroup.h"
#include "protocol/jingle/Transport.h"

namespace jicofo::protocol::colibri {

struct Channel {
    std::string id, endpoint, channelBundleId;  // "" ⇒ absent
    std::optional<uint32_t> expire;             // seconds; 0 = expire now
    std::optional<bool> initiator;
    std::string direction;  // "" ⇒ absent (= sendrecv); sendonly | recvonly | inactive
    std::optional<int32_t> lastN;
    std::optional<bool> adaptiveLastN, adaptiveSimulcast;
    std::string simulcastMode;      // REWRITING | SWITCHING (any case); "" ⇒ absent
    std::string rtpLevelRelayType;  // mixer | translator; "" ⇒ absent
    std::optional<int32_t> receiveSimulcastLayer;
    std::vector<jingle::PayloadType> payloadTypes;
    std::vector<jingle::RtpHdrExt> hdrExts;
    std::vector<jingle::Source> sources;
    std::vector<jingle::SourceGroup> groups;
    std::vector<uint32_t> receivedSsrcs;  // <ssrc> children
    std::optional<jingle::Transport> transport;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    static ParseResult<Channel> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::colibri
