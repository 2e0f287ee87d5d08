#pragma once
// <conference xmlns='http://jitsi.org/protocol/focus'>: the request a client sends before joining the room
// and the focus's answer (docs/protocol.md §4.1, §4.4). Attribute and property order is kept as the 2015
// provider wrote it.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct ConferenceIq {
    // Empty attribute values count as absent (§4.1).
    std::optional<std::string> room;  // verbatim as sent
    std::optional<bool> ready;
    std::optional<std::string> focusJid;
    std::optional<std::string> sessionId;
    std::optional<std::string> machineUid;
    std::optional<std::string> identity;
    // name → value in document order; an empty value is "null" (nullopt). Duplicates are kept here;
    // property() returns the last one, as the original's map did.
    std::vector<std::pair<std::string, std::optional<std::string>>> properties;

    static constexpr size_t kMaxProperties = 64;
    static constexpr size_t kMaxValueLength = 1024;

    // bad-request for another element, too many properties or over-long values (a hostile request).
    static ParseResult<ConferenceIq> parse(const xml::Element& e);
    xml::Element toElement() const;

    // Last value for name; nullopt when absent or null.
    std::optional<std::string> property(const std::string& name) const;
    void addProperty(std::string name, std::string value);
};

}  // namespace jicofo::protocol
