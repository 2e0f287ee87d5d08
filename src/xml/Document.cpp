#include "xml/Document.h"

#include <vector>

#include "xml/StreamParser.h"

namespace jicofo::xml {
namespace {

struct Collector : StreamParser::Listener {
    std::vector<Element> stanzas;
    void onStreamOpen(const Element&) override {}
    void onStanza(Element e) override { stanzas.push_back(std::move(e)); }
    void onStreamClose() override {}
};

}  // namespace

std::optional<Element> parseElement(std::string_view text, std::string* error) {
    if (text.substr(0, 5) == "<?xml") {
        size_t end = text.find("?>");
        if (end == std::string_view::npos) {
            if (error) *error = "unterminated XML declaration";
            return std::nullopt;
        }
        text.remove_prefix(end + 2);
    }
    Collector c;
    StreamParser parser(c, ParserLimits{16 * 1024 * 1024, 64});
    std::string doc = "<wrapper>";
    doc.append(text);
    doc.append("</wrapper>");
    if (!parser.feed(doc.data(), doc.size())) {
        if (error) *error = parser.error();
        return std::nullopt;
    }
    if (c.stanzas.size() != 1) {
        if (error) *error = "expected exactly one element, got " + std::to_string(c.stanzas.size());
        return std::nullopt;
    }
    return std::move(c.stanzas.front());
}

}  // namespace jicofo::xml
