#pragma once
// <healthcheck xmlns='http://jitsi.org/protocol/healthcheck'/>: the focus asks a bridge every 10 s with an IQ
// get (docs/media.md §1.5); an empty result means healthy, an error (internal-server-error from a real
// bridge) or no answer means not. No attributes or children are defined; unknown ones are kept.
#include <vector>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::colibri2 {

struct HealthCheck {
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;

    static bool isHealthCheck(const xml::Element& e);
    static ParseResult<HealthCheck> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::colibri2
