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

namespace {

void attribute(std::string& out, std::string_view k, std::string_view v) {
    out += ' ';
    out += k;
    out += "=\"";
    Writer::escape(out, v, true);
    out += '"';
}

// renaming: e is reached only through elements in r.from (or is the top); extra: the top's default
// attribute, once.
void writeElement(std::string& out, const Element& e, std::string_view parentNs,
                  const Writer::StanzaRewrite* r, bool renaming, bool top) {
    renaming = renaming && r && !r->from.empty() && e.ns() == r->from;
    std::string_view ns = renaming ? r->to : std::string_view(e.ns());
    out += '<';
    out += e.name();
    if (ns != parentNs) {
        out += " xmlns=\"";
        Writer::escape(out, ns, true);
        out += '"';
    }
    for (const auto& [k, v] : e.attributes()) {
        if (k == "xmlns") continue;  // namespace is carried by ns(), never as a plain attribute
        attribute(out, k, v);
    }
    if (top && r && !r->defaultAttr.first.empty() && !e.hasAttr(r->defaultAttr.first))
        attribute(out, r->defaultAttr.first, r->defaultAttr.second);
    if (e.children().empty() && e.text().empty()) {
        out += "/>";
        return;
    }
    out += '>';
    Writer::escape(out, e.text(), false);
    for (const auto& c : e.children()) writeElement(out, c, ns, r, renaming, false);
    out += "</";
    out += e.name();
    out += '>';
}

}  // namespace

std::string Writer::write(const Element& e, std::string_view parentNs) {
    std::string out;
    write(out, e, parentNs);
    return out;
}

void Writer::write(std::string& out, const Element& e, std::string_view parentNs) {
    writeElement(out, e, parentNs, nullptr, false, true);
}

void Writer::write(std::string& out, const Element& e, std::string_view parentNs, const StanzaRewrite& r) {
    writeElement(out, e, parentNs, &r, true, true);
}

std::string Writer::write(const Element& e, std::string_view parentNs, const StanzaRewrite& r) {
    std::string out;
    write(out, e, parentNs, r);
    return out;
}

}  // namespace jicofo::xml
