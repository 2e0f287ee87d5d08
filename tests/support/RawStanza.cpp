#include "support/RawStanza.h"

#include <stdexcept>

namespace jicofo::test {

std::string withStartTagAttributes(const xml::Element& stanza, const std::string& extra, bool first) {
    std::string s = stanza.toString();
    // Attribute values are escaped, so the first '>' ends the start tag.
    size_t end = s.find('>');
    if (end == std::string::npos) throw std::logic_error("no start tag");
    if (s[end - 1] == '/') --end;
    size_t at = first ? 1 + stanza.name().size() : end;
    s.insert(at, extra);
    return s;
}

std::string withPayloadContent(const xml::Element& stanza, const std::string& inner) {
    if (stanza.children().empty()) throw std::logic_error("no payload");
    xml::Element copy = stanza;
    const std::string marker = "JICOFO-TEST-MARKER";
    copy.children()[0].addChild("marker", "urn:marker").setText(marker);
    std::string s = copy.toString();
    size_t m = s.find("<marker");
    size_t e = s.find("</marker>", m);
    if (m == std::string::npos || e == std::string::npos) throw std::logic_error("marker lost");
    s.replace(m, e + 9 - m, inner);
    return s;
}

std::string nested(int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += "<n xmlns='urn:nest'>";
    for (int i = 0; i < depth; ++i) s += "</n>";
    return s;
}

}  // namespace jicofo::test
