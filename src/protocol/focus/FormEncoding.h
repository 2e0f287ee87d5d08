#pragma once
// application/x-www-form-urlencoded encoding as java.net.URLEncoder/URLDecoder do it (UTF-8): the 2015 focus
// put the login-url and logout-url attributes through it (docs/protocol.md §4.6), and the reservation client
// posts its fields with it (§6.7).
//
//   formEncode("login/?room=a b")  == "login%2F%3Froom%3Da+b"
//   formDecode("a+b%2Fc")          == "a b/c"
#include <optional>
#include <string>
#include <string_view>

namespace jicofo::protocol {

// Keeps [A-Za-z0-9.*_-], writes a space as '+', every other byte as %XX (upper-case hex).
std::string formEncode(std::string_view text);
// '+' becomes a space, %XX a byte; nothing for a truncated or non-hex escape (URLDecoder threw there).
std::optional<std::string> formDecode(std::string_view text);

}  // namespace jicofo::protocol
