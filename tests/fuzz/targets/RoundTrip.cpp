#include "targets/RoundTrip.h"

#include <string_view>

#include "xml/Document.h"
#include "xml/Writer.h"

namespace jicofo::fuzz {

std::optional<xml::Element> elementOf(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    return xml::parseElement(text);
}

const xml::Element& payloadOf(const xml::Element& e) {
    if (e.name() == "iq" && !e.children().empty()) return e.children().front();
    return e;
}

std::string describeMismatch(const std::string& what, const xml::Element& first, const xml::Element& second) {
    return what + "\n  first:  " + first.toString() + "\n  second: " + second.toString();
}

std::string wireRoundTrip(const xml::Element& e, const std::string& what) {
    const std::string text = xml::Writer::write(e);
    std::string error;
    auto back = xml::parseElement(text, &error);
    if (!back) return what + ": the writer's text does not parse (" + error + ")\n  " + text;
    if (*back != e) return describeMismatch(what + ": the writer's text reads back differently", e, *back);
    return {};
}

}  // namespace jicofo::fuzz
