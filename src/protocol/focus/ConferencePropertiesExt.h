#pragma once
// <conference-properties xmlns='http://jitsi.org/protocol/focus'><property key
// value/>…</conference-properties> in the focus's presence in a conference room (docs/media.md §3.7): what
// this focus supports, e.g. support-terminate-restart='true'. Properties keep their order; a property without
// a key is refused (bad-request). Kept: unknown children are dropped (nothing else is defined there).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct ConferencePropertiesExt {
    std::vector<std::pair<std::string, std::string>> properties;

    static bool isConferenceProperties(const xml::Element& e);
    static ParseResult<ConferencePropertiesExt> parse(const xml::Element& e);
    xml::Element toElement() const;
    std::optional<std::string> get(const std::string& key) const;
};

}  // namespace jicofo::protocol
