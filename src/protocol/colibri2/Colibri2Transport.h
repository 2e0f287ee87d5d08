#pragma once
// Colibri2 <transport xmlns='jitsi:colibri2' ice-controlling use-unique-port> of an endpoint (docs/media.md
// §2b): an optional ICE-UDP <transport/> (jingle::Transport: ufrag, pwd, DTLS fingerprints, rtcp-mux,
// candidates) and an optional <sctp/>. The focus's create sends <transport ice-controlling='true'> (+ <sctp/>
// when data is offered); the bridge answers with its ICE transport, whose <web-socket
// xmlns='http://jitsi.org/protocol/colibri' url/> children stay in the ICE transport's extra children (so
// their place among fingerprint, rtcp-mux and candidate survives a round trip) and are read through
// webSockets(). Kept: unknown attributes and children, order of child kinds.
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri2/Sctp.h"
#include "protocol/jingle/ChildOrder.h"
#include "protocol/jingle/Transport.h"

namespace jicofo::protocol::colibri2 {

struct Colibri2Transport {
    std::optional<bool> iceControlling, useUniquePort;
    std::optional<jingle::Transport> ice;
    std::optional<Sctp> sctp;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    static bool isTransport(const xml::Element& e);
    static ParseResult<Colibri2Transport> parse(const xml::Element& e);
    xml::Element toElement() const;

    // The url of every <web-socket/> in the ICE transport, in order.
    std::vector<std::string> webSockets() const;
    // Appends a <web-socket url/> to the ICE transport (an empty one when none is set yet); unmodelled
    // children, so it is written after the modelled ones unless parsing saw another order.
    void addWebSocket(const std::string& url);
};

}  // namespace jicofo::protocol::colibri2
