#pragma once
// <conference-modified xmlns='jitsi:colibri2'> (docs/media.md §2b): the bridge's result for a
// conference-modify. One <endpoint id> per endpoint of the request (with the bridge's <transport> when the
// endpoint was created, expire='true' when it was expired), then, when the request created the conference or
// an endpoint, the bridge's feedback <sources> (jvb-a0, jvb-v0). Kept: unknown attributes and children, order
// of child kinds.
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri2/Endpoint.h"

namespace jicofo::protocol::colibri2 {

struct ConferenceModified {
    std::vector<Endpoint> endpoints;
    std::optional<Sources> sources;  // feedback sources
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    static bool isConferenceModified(const xml::Element& e);
    static ParseResult<ConferenceModified> parse(const xml::Element& e);
    xml::Element toElement() const;

    const Endpoint* endpoint(const std::string& id) const;
};

}  // namespace jicofo::protocol::colibri2
