#pragma once
// Random identifiers: stanza ids, session ids (UUID form, as the original), etherpad names.
#include <string>

namespace jicofo::util {

std::string randomHex(size_t bytes);  // 2*bytes lowercase hex characters from a CSPRNG
std::string randomUuid();             // RFC 4122 version 4, e.g. 3f0c1d2e-...
std::string nextStanzaId();           // unique within the process, cheap

}  // namespace jicofo::util
