#pragma once
// Parses one standalone XML element (a golden file, a test fixture) with the same rules as the stream parser.
#include <optional>
#include <string>
#include <string_view>

#include "xml/Element.h"

namespace jicofo::xml {

// Leading "<?xml ...?>" is skipped. Returns nothing on bad XML, with the reason in *error when given.
std::optional<Element> parseElement(std::string_view text, std::string* error = nullptr);

}  // namespace jicofo::xml
