#pragma once
// <rtp-hdrext xmlns='urn:xmpp:jingle:apps:rtp:rtp-hdrext:0' id uri [senders]/> (XEP-0294), in Jingle
// descriptions and Colibri channels alike.
#include <cstdint>
#include <string>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::jingle {

struct RtpHdrExt {
    uint16_t id = 0;  // 1..14 one-byte, up to 255 two-byte; above 4095 is refused
    std::string uri;
    std::string senders;  // "" ⇒ absent
    Attributes extra;

    static ParseResult<RtpHdrExt> parse(const xml::Element& e);
    xml::Element toElement() const;
    static RtpHdrExt make(uint16_t id, std::string uri) { return RtpHdrExt{id, std::move(uri), {}, {}}; }
};

}  // namespace jicofo::protocol::jingle
