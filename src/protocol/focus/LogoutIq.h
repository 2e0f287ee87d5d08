#pragma once
// <logout xmlns='http://jitsi.org/protocol/focus'/> (docs/protocol.md §4.6): a client ends its auth session
// (type set, attribute session-id); the result carries `logout-url` (form-encoded on the wire, plain here),
// omitted when the authority has no logout URL.
//
//   auto req = LogoutIq::parse(*iq.payload);   // req->sessionId
//   LogoutIq answer;
//   answer.logoutUrl = "../Shibboleth.sso/Logout";
//   iq.result(answer.toElement());             // logout-url='..%2FShibboleth.sso%2FLogout'
#include <optional>
#include <string>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct LogoutIq {
    std::optional<std::string> sessionId;  // empty ⇒ absent
    std::optional<std::string> logoutUrl;  // decoded

    // Attributes, and the logout-url once decoded; on the wire the url may take three times as much (see
    // LoginUrlIq).
    static constexpr size_t kMaxValueLength = 4096;
    static constexpr size_t kMaxEncodedLength = 3 * kMaxValueLength;

    // bad-request for another element, an over-long attribute or a logout-url that is not form-encoded.
    static ParseResult<LogoutIq> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol
