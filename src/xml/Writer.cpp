#include "xml/Writer.h"

namespace jicofo::xml {

void Writer::escape(std::string& out, std::string_view text, bool attribute) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                if (attribute)
                    out += "&quot;";
                else
                    out += c;
                break;
            case '\'':
                if (attribute)
                    out += "&apos;";
                else
                    out += c;
                break;
            // A reader normalises these to a space in an attribute value (XML 1.0 §3.3.3) and a CR to LF
            // in text (§2.11): only a character reference brings them back as they were.
            case '\t':
                if (attribute)
                    out += "&#9;";
                else
                    out += c;
                break;
            case '\n':
                if (attribute)
                    out += "&#10;";
                else
                    out += c;
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                out += c;
        }
    }
}

std::string Writer::write(const Element& e, std::string_view parentNs) {
    std::string out;
    write(out, e, parentNs);
    return out;
}

void Writer::write(std::string& out, const Element& e, std::string_view parentNs) {
    out += '<';
    out += e.name();
    if (e.ns() != parentNs) {
        out += " xmlns=\"";
        escape(out, e.ns(), true);
        out += '"';
    }
    for (const auto& [k, v] : e.attributes()) {
        if (k == "xmlns") continue;  // namespace is carried by ns(), never as a plain attribute
        out += ' ';
        out += k;
        out += "=\"";
        escape(out, v, true);
        out += '"';
    }
    if (e.children().empty() && e.text().empty()) {
        out += "/>";
        return;
    }
    out += '>';
    escape(out, e.text(), false);
    for (const auto& c : e.children()) write(out, c, e.ns());
    out += "</";
    out += e.name();
    out += '>';
}

}  // namespace jicofo::xml
