#pragma once
// Colibri2 <capability xmlns='jitsi:colibri2' name/> of an endpoint. The bridge refuses to create an endpoint
// without 'source-names' (docs/media.md §2b); 'ssrc-rewriting' and 'private-address-connectivity' are
// optional.
#include <string>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::colibri2 {

inline constexpr const char* kCapSourceNames = "source-names";

struct Capability {
    std::string name;  // required
    jingle::Attributes extra;

    static bool isCapability(const xml::Element& e);
    static ParseResult<Capability> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::colibri2
