#pragma once
// Digests the focus computes itself: the XEP-0115 entity-capabilities hash (SHA-1, base64).
#include <string>
#include <string_view>

namespace jicofo::util {

std::string sha1(std::string_view data);        // the 20 raw digest bytes
std::string base64(std::string_view data);      // RFC 4648 §4, with padding, no line breaks
std::string sha1Base64(std::string_view data);  // base64(sha1(data)), the form of a caps 'ver'

}  // namespace jicofo::util
