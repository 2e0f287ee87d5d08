#pragma once
// A Colibri2 bridge's error answer (docs/media.md §2b's error table): the stanza error plus
// <error xmlns='jitsi:colibri2' reason='…'/>, and for unknown_endpoint also <endpoint xmlns='jitsi:colibri2'
// id/>. The conditions the bridge uses with each reason:
//   conference_not_found      item-not-found          conference_already_exists  conflict
//   unknown_endpoint          item-not-found          graceful_shutdown          service-unavailable
//   feature_not_implemented   feature-not-implemented
// Other failures (missing transport, no source-names capability, bad name) are a plain bad-request.
#include <optional>
#include <string>

#include "protocol/stanza/StanzaError.h"

namespace jicofo::protocol::colibri2 {

enum class Colibri2Reason {
    Unspecified,
    ConferenceNotFound,
    ConferenceAlreadyExists,
    UnknownEndpoint,
    GracefulShutdown,
    FeatureNotImplemented
};
const char* toString(Colibri2Reason r);                              // conference_not_found, …
std::optional<Colibri2Reason> parseReason(const std::string& text);  // any case

struct Colibri2Error {
    StanzaError stanza;                    // condition, type, text; appSpecific unused
    std::optional<Colibri2Reason> reason;  // nullopt: a plain stanza error
    std::string endpointId;                // unknown_endpoint: the endpoint named beside the reason

    // From the <error/> child of an IQ of type error. bad-request when it has no defined condition or its
    // colibri2 reason is unknown.
    static ParseResult<Colibri2Error> parse(const xml::Element& error);
    // From an already parsed StanzaError (IqRouter's replies): the reason comes from its appSpecific child;
    // the endpoint id is not available there (StanzaError keeps one application element).
    static ParseResult<Colibri2Error> fromStanzaError(const StanzaError& error);
    // The whole <error/> element (jabber:client), reason and endpoint included.
    xml::Element toElement() const;
    // The same as a StanzaError (the reason as appSpecific, the endpoint child dropped).
    StanzaError toStanzaError() const;

    bool is(Colibri2Reason r) const { return reason && *reason == r; }

    // What the bridge answers in each case.
    static Colibri2Error conferenceNotFound(const std::string& meetingId);
    static Colibri2Error conferenceAlreadyExists(const std::string& meetingId);
    static Colibri2Error unknownEndpoint(const std::string& endpointId);
    static Colibri2Error gracefulShutdown();
    static Colibri2Error featureNotImplemented(std::string text);
    static Colibri2Error badRequest(std::string text);  // no reason
};

}  // namespace jicofo::protocol::colibri2
