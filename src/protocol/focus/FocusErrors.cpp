#include "protocol/focus/FocusErrors.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol::focus_errors {

StanzaError gracefulShutdown() {
    StanzaError e = StanzaError::of("service-unavailable");
    e.appSpecific = xml::Element("graceful-shutdown", ns::kColibri);
    return e;
}

StanzaError sessionInvalid() {
    StanzaError e = StanzaError::of("not-acceptable", "invalid session");
    e.appSpecific = xml::Element("session-invalid", ns::kFocus);
    return e;
}

StanzaError reservationError(int code, const std::string& message) {
    StanzaError e = StanzaError::of("service-unavailable", message);
    xml::Element child("reservation-error", ns::kFocus);
    child.setAttr("error-code", std::to_string(code));
    e.appSpecific = std::move(child);
    return e;
}

StanzaError unknownSession() {
    StanzaError e = StanzaError::of("item-not-found", "unknown session");
    e.appSpecific = xml::Element("unknown-session", "urn:xmpp:jingle:errors:1");
    return e;
}

}  // namespace jicofo::protocol::focus_errors
