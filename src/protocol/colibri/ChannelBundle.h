#pragma once
// Colibri v1 <channel-bundle id><transport/></channel-bundle>: the one ICE/DTLS transport shared by all
// channels of a bundling endpoint (id = the endpoint's channel-bundle-id, the 2015 focus used the nick). A
// second transport is refused (bad-request).
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/Transport.h"

namespace jicofo::protocol::colibri {

struct ChannelBundle {
    std::string id;  // required
    std::optional<jingle::Transport> transport;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;

    static ParseResult<ChannelBundle> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::colibri
