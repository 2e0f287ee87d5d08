#pragma once
// Hostile-client helpers: a stanza serialised by the project's writer, then edited as text the way a
// malicious client would (attributes our element model refuses to hold, nesting, floods).
#include <string>

#include "xml/Element.h"

namespace jicofo::test {

// `stanza` as XML text with `extra` (e.g. " xmlns:x='urn:x' x:from='a@b/c'") put into its start tag, either
// right after the name (before every other attribute) or at its end.
std::string withStartTagAttributes(const xml::Element& stanza, const std::string& extra, bool first);

// `stanza` with `inner` (raw XML) as the last content of its first child (the payload).
std::string withPayloadContent(const xml::Element& stanza, const std::string& inner);

// depth nested <n xmlns='urn:nest'> elements.
std::string nested(int depth);

}  // namespace jicofo::test
