#include "protocol/stanza/Refusal.h"

namespace jicofo::protocol {

std::optional<Iq> refusalFor(const xml::Element& envelope, const std::string& why) {
    if (envelope.name() != "iq") return std::nullopt;
    auto iq = Iq::parse(envelope);
    if (!iq || (iq.value().type != IqType::Get && iq.value().type != IqType::Set)) return std::nullopt;
    Iq request = iq.value();
    request.payload.reset();  // the skipped payload was never built; the reply carries only the error
    return request.errorReply(StanzaError::of("policy-violation", "stanza refused: " + why));
}

}  // namespace jicofo::protocol
