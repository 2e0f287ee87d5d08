#pragma once
// The reservation system as the conference registry sees it (docs/protocol.md §4.3 step 4, §6.7). The app
// implements it over http::reservation::ReservationClient (conference/ may not depend on http/,
// docs/architecture.md rule 6); logic tests use a fake.
#include <functional>
#include <optional>
#include <string>

#include "protocol/stanza/StanzaError.h"
#include "util/Jid.h"

namespace jicofo::conference {

class ReservationGate {
  public:
    // refusal empty ⇒ the room may be created; else the error to answer the conference IQ with
    // (service-unavailable + <reservation-error error-code='N'/>).
    using Decision = std::function<void(std::optional<protocol::StanzaError> refusal)>;

    virtual ~ReservationGate() = default;
    // A new room is about to be created for owner (the identity of the requester's auth session, empty
    // without one). done is called later on the loop, never inside this call.
    virtual void requestNewRoom(const util::Jid& room, const std::string& owner, Decision done) = 0;
    // The focus conference of room ended (the reservation is deleted).
    virtual void conferenceEnded(const util::Jid& room) = 0;
};

}  // namespace jicofo::conference
