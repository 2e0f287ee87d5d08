#include "xml/StreamParser.h"

#include <expat.h>

#include <cstring>

namespace jicofo::xml {
namespace {

constexpr char kSep = '\x01';
const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";

// expat reports "uri\x01local" for namespaced names and "local" otherwise.
void splitName(const char* full, std::string& ns, std::string& local) {
    const char* sep = std::strchr(full, kSep);
    if (!sep) {
        ns.clear();
        local = full;
        return;
    }
    ns.assign(full, sep);
    local.assign(sep + 1);
}

Element makeElement(const char* name, const char** attrs) {
    std::string ns, local;
    splitName(name, ns, local);
    Element e(local, ns);
    for (int i = 0; attrs[i]; i += 2) {
        std::string ans, alocal;
        splitName(attrs[i], ans, alocal);
        if (ans == kXmlNs)
            e.setAttr("xml:" + alocal, attrs[i + 1]);
        else
            e.setAttr(alocal, attrs[i + 1]);
    }
    return e;
}

}  // namespace

StreamParser::StreamParser(Listener& listener, ParserLimits limits) : listener_(listener), limits_(limits) {
    create();
}

StreamParser::~StreamParser() {
    if (parser_) XML_ParserFree(static_cast<XML_Parser>(parser_));
}

void StreamParser::create() {
    if (parser_) XML_ParserFree(static_cast<XML_Parser>(parser_));
    XML_Parser p = XML_ParserCreateNS("UTF-8", kSep);
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, &StreamParser::onStart, &StreamParser::onEnd);
    XML_SetCharacterDataHandler(p, &StreamParser::onText);
    XML_SetStartDoctypeDeclHandler(p, &StreamParser::onDoctype);
    XML_SetEntityDeclHandler(p, &StreamParser::onEntityDecl);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    parser_ = p;
    stack_.clear();
    stanzaStart_ = -1;
    fed_ = 0;
    error_.clear();
}

void StreamParser::reset() {
    create();
}

void StreamParser::fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    XML_StopParser(static_cast<XML_Parser>(parser_), XML_FALSE);
}

bool StreamParser::feed(const char* data, size_t size) {
    if (!error_.empty()) return false;
    auto p = static_cast<XML_Parser>(parser_);
    fed_ += static_cast<long long>(size);
    if (XML_Parse(p, data, static_cast<int>(size), XML_FALSE) != XML_STATUS_OK) {
        if (error_.empty()) error_ = std::string("XML error: ") + XML_ErrorString(XML_GetErrorCode(p));
        return false;
    }
    // A stanza still open after this chunk may be growing without bound (a huge text node, say).
    if (stanzaStart_ >= 0 && fed_ - stanzaStart_ > static_cast<long long>(limits_.maxStanzaBytes)) {
        error_ = "stanza exceeds " + std::to_string(limits_.maxStanzaBytes) + " bytes";
        return false;
    }
    return error_.empty();
}

void StreamParser::onStart(void* self, const char* name, const char** attrs) {
    auto* s = static_cast<StreamParser*>(self);
    auto p = static_cast<XML_Parser>(s->parser_);
    if (s->stack_.empty() && s->stanzaStart_ == -2) {
        s->fail("element after stream close");
        return;
    }
    Element e = makeElement(name, attrs);
    if (s->stack_.empty()) {
        // The stream header. Kept on the stack (depth 0) so stanzas nest below it.
        s->listener_.onStreamOpen(e);
        s->stack_.push_back(std::move(e));
        return;
    }
    if (s->stack_.size() == 1) s->stanzaStart_ = XML_GetCurrentByteIndex(p);
    if (s->stack_.size() > s->limits_.maxDepth) {
        s->fail("stanza nested deeper than " + std::to_string(s->limits_.maxDepth));
        return;
    }
    s->stack_.push_back(std::move(e));
}

void StreamParser::onEnd(void* self, const char*) {
    auto* s = static_cast<StreamParser*>(self);
    if (s->stack_.empty()) return;
    if (s->stack_.size() == 1) {
        s->stack_.clear();
        s->stanzaStart_ = -2;
        s->listener_.onStreamClose();
        return;
    }
    Element done = std::move(s->stack_.back());
    s->stack_.pop_back();
    // Indentation between children is not content.
    if (!done.children().empty() && done.text().find_first_not_of(" \t\r\n") == std::string::npos)
        done.setText({});
    if (s->stack_.size() == 1) {
        auto p = static_cast<XML_Parser>(s->parser_);
        long long size = XML_GetCurrentByteIndex(p) - s->stanzaStart_;
        s->stanzaStart_ = -1;
        if (size > static_cast<long long>(s->limits_.maxStanzaBytes)) {
            s->fail("stanza exceeds " + std::to_string(s->limits_.maxStanzaBytes) + " bytes");
            return;
        }
        s->listener_.onStanza(std::move(done));
    } else {
        s->stack_.back().children().push_back(std::move(done));
    }
}

void StreamParser::onText(void* self, const char* text, int len) {
    auto* s = static_cast<StreamParser*>(self);
    if (s->stack_.size() < 2) return;  // whitespace between stanzas (keep-alives)
    s->stack_.back().appendText(std::string_view(text, static_cast<size_t>(len)));
    if (s->stack_.back().text().size() > s->limits_.maxStanzaBytes) s->fail("text exceeds stanza size limit");
}

void StreamParser::onDoctype(void* self, const char*, const char*, const char*, int) {
    static_cast<StreamParser*>(self)->fail("DTD not allowed in an XMPP stream");
}

void StreamParser::onEntityDecl(void* self, const char*, int, const char*, int, const char*, const char*,
                                const char*, const char*) {
    static_cast<StreamParser*>(self)->fail("entity declarations not allowed");
}

}  // namespace jicofo::xml
