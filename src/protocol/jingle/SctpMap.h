#pragma once
// <sctpmap xmlns='urn:xmpp:jingle:transports:dtls-sctp:1' number protocol streams/> inside a data content's
// transport. The 2015 focus always offered number=5000 protocol=webrtc-datachannel streams=1024.
#include <cstdint>
#include <optional>
#include <string>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::jingle {

struct SctpMap {
    uint16_t number = 5000;  // SCTP port
    std::string protocol;    // webrtc-datachannel
    std::optional<uint32_t> streams;
    Attributes extra;

    static ParseResult<SctpMap> parse(const xml::Element& e);
    xml::Element toElement() const;
    static SctpMap webrtcDefault();  // the 2015 offer's sctpmap
};

}  // namespace jicofo::protocol::jingle
