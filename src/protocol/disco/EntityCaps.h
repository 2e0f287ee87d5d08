#pragma once
// XEP-0115 entity capabilities: the <c/> a client puts in its presence, and the verification string (§5.1,
// with extended forms as in §5.4) whose hash a disco#info result must match before its 'ver' is trusted.
#include <optional>
#include <string>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct EntityCaps {
    std::string hash;  // e.g. "sha-1" (IANA hash function text name)
    std::string node;  // the client software, e.g. http://jitsi.org/jitsimeet
    std::string ver;   // base64 of the hash over the verification string

    bool operator==(const EntityCaps& o) const { return hash == o.hash && node == o.node && ver == o.ver; }
    // <c xmlns='http://jabber.org/protocol/caps' hash node ver/>; refuses one without hash, node or ver
    // (the legacy pre-1.5 form without 'hash' cannot be verified, so the focus has no use for it).
    static ParseResult<EntityCaps> parse(const xml::Element& c);
    xml::Element toElement() const;
};

// The §5.1 string S of a disco#info <query>: identities (category/type/xml:lang/name, sorted), then
// features (sorted), then the extended forms (§5.4: sorted by FORM_TYPE, fields by var, values sorted),
// each item followed by '<'. Nothing when the result is ill-formed in the ways §5.4 says must not be
// trusted: a duplicate identity or feature, two forms with one FORM_TYPE, a FORM_TYPE that is not hidden.
std::optional<std::string> capsVerificationString(const xml::Element& query);
// base64(SHA-1(S)): what 'ver' must equal when hash='sha-1'. Nothing when S is.
std::optional<std::string> capsSha1Ver(const xml::Element& query);

}  // namespace jicofo::protocol
