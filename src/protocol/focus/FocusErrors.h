#pragma once
// The focus's application-specific error children (docs/protocol.md §4.5), each built here only.
#include <string>

#include "protocol/stanza/StanzaError.h"

namespace jicofo::protocol::focus_errors {

// service-unavailable + <graceful-shutdown xmlns='http://jitsi.org/protocol/colibri'/>
StanzaError gracefulShutdown();
// not-acceptable + text 'invalid session' + <session-invalid xmlns='http://jitsi.org/protocol/focus'/>
StanzaError sessionInvalid();
// service-unavailable + <reservation-error xmlns='http://jitsi.org/protocol/focus' error-code='N'/> + text
StanzaError reservationError(int code, const std::string& message);
// item-not-found + text 'unknown session' + <unknown-session xmlns='urn:xmpp:jingle:errors:1'/> (XEP-0166
// §7.2): a Jingle IQ for a room or session the focus does not have (docs/media.md §3.1).
StanzaError unknownSession();

}  // namespace jicofo::protocol::focus_errors
