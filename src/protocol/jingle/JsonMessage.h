#pragma once
// <json-message xmlns='http://jitsi.org/jitmeet'>TEXT</json-message> inside <jingle> (docs/media.md §3.7a):
// the focus's sources in compact JSON (JsonSources) for clients that advertise json-encoded-sources. The text
// is kept as it is; what it means is JsonSources::parse's business.
#include <string>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol::jingle {

struct JsonMessage {
    std::string text;

    static bool isJsonMessage(const xml::Element& e);
    static ParseResult<JsonMessage> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::jingle
