#pragma once
// The answer to a stanza the stream parser skipped because it broke a limit (size, depth, attributes,
// children): an IQ get/set gets policy-violation with its id; anything else (and an IQ that cannot be
// answered: no id, bad addresses, a result or error) gets nothing.
#include <optional>
#include <string>

#include "protocol/stanza/Stanza.h"
#include "xml/Element.h"

namespace jicofo::protocol {

std::optional<Iq> refusalFor(const xml::Element& envelope, const std::string& why);

}  // namespace jicofo::protocol
