#pragma once
// Colibri2 <sctp xmlns='jitsi:colibri2' port role/> inside an endpoint's <transport>: in a request it asks
// for an SCTP data channel (bare <sctp/> when the offer has a data content); in the answer the bridge says
// where it listens (port='5000' role='server'). role is client | server (any case), port 0..65535.
#include <cstdint>
#include <optional>
#include <string>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::colibri2 {

struct Sctp {
    std::optional<uint16_t> port;
    std::string role;  // "client" | "server" as written; "" ⇒ absent
    jingle::Attributes extra;

    static bool isSctp(const xml::Element& e);
    static ParseResult<Sctp> parse(const xml::Element& e);
    xml::Element toElement() const;

    // What a bridge answers: port='5000' role='server'.
    static Sctp serverDefault();
};

}  // namespace jicofo::protocol::colibri2
