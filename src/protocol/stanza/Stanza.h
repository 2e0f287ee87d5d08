#pragma once
// Helpers on the three stanza kinds. Stanzas travel as xml::Element; these read and build their envelope
// (to, from, id, type) so that nothing else touches raw attributes of the envelope.
#include <optional>
#include <string>

#include "protocol/stanza/StanzaError.h"
#include "util/Jid.h"
#include "xml/Element.h"

namespace jicofo::protocol {

enum class IqType { Get, Set, Result, Error };

struct Iq {
    IqType type = IqType::Get;
    std::string id;
    util::Jid to, from;                   // empty when absent
    std::optional<xml::Element> payload;  // the first child other than <error>
    std::optional<StanzaError> error;     // for type error

    // Refuses missing/unknown type, missing id, malformed to/from: that IQ can only be dropped or answered
    // with bad-request.
    static ParseResult<Iq> parse(const xml::Element& stanza);
    // The same for a stanza handed over: its payload is moved into the Iq, not copied.
    static ParseResult<Iq> parse(xml::Element&& stanza);
    xml::Element toElement() const&;  // ns jabber:client
    xml::Element toElement() &&;      // the same, moving the payload into the element (no copy)

    static Iq request(IqType type, util::Jid to, xml::Element payload);  // fresh id
    // Reply to this IQ: result with an optional payload, or error copying the request's child (Smack
    // behaviour the 2015 clients saw, docs/protocol.md §3.1).
    Iq result(std::optional<xml::Element> payload = std::nullopt) const;
    // A payload over kMaxEchoedPayload bytes (serialised) is not echoed.
    Iq errorReply(StanzaError error) const;
    static constexpr size_t kMaxEchoedPayload = 4096;
};

const char* toString(IqType t);

// Builds <presence/> / <message/> envelopes in jabber:client.
xml::Element makePresence(const util::Jid& to, const std::string& type = {});

// Envelope accessors for presence/message elements (empty Jid when absent or malformed).
util::Jid fromOf(const xml::Element& stanza);
util::Jid toOf(const xml::Element& stanza);

}  // namespace jicofo::protocol
