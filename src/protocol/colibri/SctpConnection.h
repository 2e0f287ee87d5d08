#pragma once
// Colibri v1 <sctpconnection id endpoint expire initiator channel-bundle-id port> (docs/media.md §2.1): the
// data channel of an endpoint. port is always written (default 5000), as the 2015 focus and bridge did. A
// second transport is refused (bad-request).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/Transport.h"

namespace jicofo::protocol::colibri {

struct SctpConnection {
    std::string id, endpoint, channelBundleId;  // "" ⇒ absent
    std::optional<uint32_t> expire;
    std::optional<bool> initiator;
    uint16_t port = 5000;
    std::optional<jingle::Transport> transport;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;

    static ParseResult<SctpConnection> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::colibri
