#pragma once
// Colibri2 <media xmlns='jitsi:colibri2' type> of an endpoint (docs/media.md §2b), built from one content of
// the Jingle offer: its <payload-type xmlns='urn:xmpp:jingle:apps:rtp:1'/> (with parameters and rtcp-fb),
// <rtp-hdrext/> and <extmap-allow-mixed xmlns='urn:xmpp:jingle:apps:rtp:rtp-hdrext:0'/>. type is required
// (audio, video or data). Kept: unknown attributes and children, order of child kinds.
#include <string>
#include <vector>

#include "protocol/jingle/ChildOrder.h"
#include "protocol/jingle/PayloadType.h"
#include "protocol/jingle/RtpHdrExt.h"

namespace jicofo::protocol::colibri2 {

struct Media {
    std::string type;
    std::vector<jingle::PayloadType> payloadTypes;
    std::vector<jingle::RtpHdrExt> hdrExts;
    bool extmapAllowMixed = false;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    static ParseResult<Media> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::colibri2
