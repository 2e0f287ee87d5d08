#pragma once
// Standard base64 (RFC 4648 §4, with padding) for SASL payloads.
#include <optional>
#include <string>
#include <string_view>

namespace jicofo::xmpp {

std::string base64Encode(std::string_view data);
// Strict: refuses characters outside the alphabet and bad padding (a server's garbage must not become
// a half-decoded challenge). Whitespace is skipped, as some servers wrap long payloads.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace jicofo::xmpp
