#pragma once
// <login-url xmlns='http://jitsi.org/protocol/focus'/> (docs/protocol.md §4.6): a client asks where to log in
// (type get, attributes room, machine-uid, popup) and the focus answers with only `url`. On the wire `url`
// is form-encoded (spaces as '+'); in this struct it is the plain URL.
//
//   auto req = LoginUrlIq::parse(*iq.payload);          // room, machineUid, popup
//   LoginUrlIq answer;
//   answer.url = "login/?machineUID=m1&room=r@c.example.com&close=true";
//   iq.result(answer.toElement());   //
//   url='login%2F%3FmachineUID%3Dm1%26room%3Dr%40c.example.com%26close%3Dtrue'
#include <optional>
#include <string>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct LoginUrlIq {
    // Empty attribute values count as absent, as in the conference IQ.
    std::optional<std::string> room;  // verbatim as sent
    std::optional<std::string> machineUid;
    std::optional<bool> popup;       // "true" (any case) ⇒ true; see isPopup()
    std::optional<std::string> url;  // decoded

    // Attributes, and the url once decoded. On the wire the url may take three times as much (every byte
    // %XX), so that whatever parse() accepted, toElement() writes something parse() accepts again.
    static constexpr size_t kMaxValueLength = 4096;
    static constexpr size_t kMaxEncodedLength = 3 * kMaxValueLength;

    // bad-request for another element, an over-long attribute or a url that is not form-encoded.
    static ParseResult<LoginUrlIq> parse(const xml::Element& e);
    xml::Element toElement() const;

    bool isPopup() const { return popup.value_or(false); }  // the 2015 default
};

}  // namespace jicofo::protocol
