#include "xmpp/StreamErrors.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::xmpp {
namespace {
const char* kStreamErrorNs = "urn:ietf:params:xml:ns:xmpp-streams";
}

bool isStreamError(const xml::Element& stanza) {
    return stanza.name() == "error" && stanza.ns() == protocol::ns::kStream;
}

std::string streamErrorCondition(const xml::Element& error) {
    for (const auto& c : error.children())
        if (c.ns() == kStreamErrorNs && c.name() != "text") return c.name();
    return "undefined-condition";
}

std::string describeStreamError(const xml::Element& error) {
    std::string out = streamErrorCondition(error);
    if (const auto* text = error.child("text", kStreamErrorNs); text && !text->text().empty())
        out += ": " + text->text();
    return out;
}

}  // namespace jicofo::xmpp
