#include "protocol/colibri2/Colibri2Error.h"

#include <algorithm>
#include <cctype>

#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::colibri2 {

namespace {

constexpr Colibri2Reason kAll[] = {Colibri2Reason::Unspecified,
                                   Colibri2Reason::ConferenceNotFound,
                                   Colibri2Reason::ConferenceAlreadyExists,
                                   Colibri2Reason::UnknownEndpoint,
                                   Colibri2Reason::GracefulShutdown,
                                   Colibri2Reason::FeatureNotImplemented};

bool isReasonElement(const xml::Element& e) {
    return e.name() == "error" && e.ns() == ns::kColibri2;
}

xml::Element reasonElement(Colibri2Reason r) {
    xml::Element e("error", ns::kColibri2);
    e.setAttr("reason", toString(r));
    return e;
}

// Reads the reason of a <error xmlns='jitsi:colibri2'/> into out; the error to answer when it is unknown.
std::optional<StanzaError> readReason(const xml::Element& e, Colibri2Error& out) {
    if (!e.hasAttr("reason")) {
        out.reason = Colibri2Reason::Unspecified;
        return std::nullopt;
    }
    out.reason = parseReason(e.attr("reason"));
    if (!out.reason) return jingle::badRequest("unknown Colibri2 error reason '" + e.attr("reason") + "'");
    return std::nullopt;
}

Colibri2Error make(const std::string& condition, std::string text, std::optional<Colibri2Reason> reason) {
    Colibri2Error e;
    e.stanza = StanzaError::of(condition, std::move(text));
    e.reason = reason;
    return e;
}

}  // namespace

const char* toString(Colibri2Reason r) {
    switch (r) {
        case Colibri2Reason::ConferenceNotFound:
            return "conference_not_found";
        case Colibri2Reason::ConferenceAlreadyExists:
            return "conference_already_exists";
        case Colibri2Reason::UnknownEndpoint:
            return "unknown_endpoint";
        case Colibri2Reason::GracefulShutdown:
            return "graceful_shutdown";
        case Colibri2Reason::FeatureNotImplemented:
            return "feature_not_implemented";
        case Colibri2Reason::Unspecified:
            break;
    }
    return "unspecified";
}

std::optional<Colibri2Reason> parseReason(const std::string& text) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (Colibri2Reason r : kAll)
        if (lower == toString(r)) return r;
    return std::nullopt;
}

ParseResult<Colibri2Error> Colibri2Error::parse(const xml::Element& error) {
    auto stanza = StanzaError::parse(error);
    if (!stanza) return jingle::badRequest(stanza.error());
    Colibri2Error out;
    out.stanza = std::move(*stanza);
    out.stanza.appSpecific.reset();
    for (const auto& c : error.children()) {
        if (isReasonElement(c) && !out.reason) {
            if (auto err = readReason(c, out)) return *err;
        } else if (c.name() == "endpoint" && c.ns() == ns::kColibri2 && out.endpointId.empty()) {
            out.endpointId = c.attr("id");
        }
    }
    return out;
}

ParseResult<Colibri2Error> Colibri2Error::fromStanzaError(const StanzaError& error) {
    Colibri2Error out;
    out.stanza = error;
    out.stanza.appSpecific.reset();
    if (error.appSpecific && isReasonElement(*error.appSpecific))
        if (auto err = readReason(*error.appSpecific, out)) return *err;
    return out;
}

StanzaError Colibri2Error::toStanzaError() const {
    StanzaError e = stanza;
    if (reason) e.appSpecific = reasonElement(*reason);
    return e;
}

xml::Element Colibri2Error::toElement() const {
    xml::Element e = toStanzaError().toElement();
    if (!endpointId.empty()) e.addChild("endpoint", ns::kColibri2).setAttr("id", endpointId);
    return e;
}

Colibri2Error Colibri2Error::conferenceNotFound(const std::string& meetingId) {
    return make("item-not-found", "Conference not found for ID: " + meetingId,
                Colibri2Reason::ConferenceNotFound);
}

Colibri2Error Colibri2Error::conferenceAlreadyExists(const std::string& meetingId) {
    return make("conflict", "Conference already exists for ID: " + meetingId,
                Colibri2Reason::ConferenceAlreadyExists);
}

Colibri2Error Colibri2Error::unknownEndpoint(const std::string& endpointId) {
    Colibri2Error e =
        make("item-not-found", "Endpoint not found for ID: " + endpointId, Colibri2Reason::UnknownEndpoint);
    e.endpointId = endpointId;
    return e;
}

Colibri2Error Colibri2Error::gracefulShutdown() {
    return make("service-unavailable", "In graceful shutdown", Colibri2Reason::GracefulShutdown);
}

Colibri2Error Colibri2Error::featureNotImplemented(std::string text) {
    return make("feature-not-implemented", std::move(text), Colibri2Reason::FeatureNotImplemented);
}

Colibri2Error Colibri2Error::badRequest(std::string text) {
    return make("bad-request", std::move(text), std::nullopt);
}

}  // namespace jicofo::protocol::colibri2
