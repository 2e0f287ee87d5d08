#pragma once
// DTLS <fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash setup required>VALUE</fingerprint> (XEP-0320).
// The focus's offer template carries an empty one (only required='false'); the bridge writes hash and value
// without setup; clients add setup='active' (session-accept) or required='true' (transport-info).
#include <optional>
#include <string>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::jingle {

struct Fingerprint {
    std::string hash;   // e.g. sha-256; "" ⇒ absent
    std::string setup;  // active | passive | actpass | holdconn; "" ⇒ absent
    std::optional<bool> required;
    std::string value;  // element text, e.g. 4A:…:9C
    Attributes extra;

    static ParseResult<Fingerprint> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::jingle
