#pragma once
// The focus's application-specific error children (docs/protocol.md §4.5).
#include <string>

#include "protocol/stanza/StanzaError.h"

namespace jicofo::protocol::focus_errors {

// service-unavailable + <graceful-shutdown xmlns='http://jitsi.org/protocol/colibri'/>
StanzaError gracefulShutdown();
// not-acceptable + text 'invalid session' + <session-invalid xmlns='http://jitsi.org/protocol/focus'/>
StanzaError sessionInvalid();
// service-unavailable + <reservation-error xmlns='http://jitsi.org/protocol/focus' error-code='N'/> + text
StanzaError reservationError(int code, const std::string& message);

}  // namespace jicofo::protocol::focus_errors
