#pragma once
// An XMPP stanza error (RFC 6120 §8.3) with the legacy numeric code the 2015 focus also wrote
// (docs/protocol.md §3.1: <error code="406" type="modify">), optional text and an application-specific child.
#include <optional>
#include <string>

#include "util/Result.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct StanzaError {
    std::string condition =
        "undefined-condition";    // e.g. "bad-request", in urn:ietf:params:xml:ns:xmpp-stanzas
    std::string type = "cancel";  // auth | cancel | continue | modify | wait
    std::string text;             // empty ⇒ no <text>
    std::optional<xml::Element>
        appSpecific;  // e.g. <session-invalid xmlns='http://jitsi.org/protocol/focus'/>

    // The condition with its usual type, e.g. StanzaError::of("not-acceptable") ⇒ type modify.
    static StanzaError of(const std::string& condition, std::string text = {});
    // Legacy code for a condition (XEP-0086), 500 when unknown.
    static int legacyCode(const std::string& condition);

    xml::Element toElement() const;  // <error code=.. type=..>...</error>, ns jabber:client
    static util::Result<StanzaError, std::string> parse(const xml::Element& error);
};

// Protocol parse results: a value or the error to answer with.
template <typename T>
using ParseResult = util::Result<T, StanzaError>;

}  // namespace jicofo::protocol
