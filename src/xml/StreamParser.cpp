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

size_t countAttributes(const char** attrs) {
    size_t n = 0;
    while (attrs[2 * n]) ++n;
    return n;
}

// Unqualified attributes and xml:*; a prefixed attribute from another namespace is dropped, so `x:from`
// can never be read as `from`. expat has already refused duplicates, so appending keeps parsing linear.
Element makeElement(const char* name, const char** attrs) {
    std::string ns, local;
    splitName(name, ns, local);
    Element e(local, ns);
    for (int i = 0; attrs[i]; i += 2) {
        std::string ans, alocal;
        splitName(attrs[i], ans, alocal);
        if (ans.empty())
            e.appendAttr(std::move(alocal), attrs[i + 1]);
        else if (ans == kXmlNs)
            e.appendAttr("xml:" + alocal, attrs[i + 1]);
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
#ifdef JICOFO_EXPAT_REPARSE_DEFERRAL
    // expat ≥ 2.6 (and Debian's backport into 2.5.0) may hold back a large token until more bytes come; a
    // stream is interactive, so every stanza must be handed over as soon as its last byte is here.
    XML_SetReparseDeferralEnabled(p, XML_FALSE);
#endif
    parser_ = p;
    stack_.clear();
    depth_ = 0;
    skipping_.clear();
    stanzaStart_ = -1;
    closed_ = false;
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
    if (stanzaStart_ >= 0) {
        long long open = fed_ - stanzaStart_;
        if (open > static_cast<long long>(limits_.hardStanzaBytes)) {
            error_ = "stanza still open after " + std::to_string(limits_.hardStanzaBytes) + " bytes";
            return false;
        }
        if (open > static_cast<long long>(limits_.maxStanzaBytes) && skipping_.empty())
            skipStanza("stanza exceeds " + std::to_string(limits_.maxStanzaBytes) + " bytes");
    }
    return error_.empty();
}

void StreamParser::skipStanza(std::string why) {
    if (!skipping_.empty() || stack_.size() < 2) return;
    skipping_ = std::move(why);
    stack_.resize(2);
    stack_[1].children().clear();
    stack_[1].children().shrink_to_fit();
    stack_[1].setText({});
}

void StreamParser::onStart(void* self, const char* name, const char** attrs) {
    static_cast<StreamParser*>(self)->startElement(name, attrs);
}

void StreamParser::startElement(const char* name, const char** attrs) {
    if (closed_) {
        fail("element after stream close");
        return;
    }
    ++depth_;
    if (depth_ == 1) {
        // The stream header. Kept on the stack (depth 0) so stanzas nest below it.
        Element header = makeElement(name, attrs);
        listener_.onStreamOpen(header);
        stack_.push_back(std::move(header));
        return;
    }
    if (depth_ == 2) stanzaStart_ = XML_GetCurrentByteIndex(static_cast<XML_Parser>(parser_));
    if (!skipping_.empty()) return;
    size_t attributes = countAttributes(attrs);
    if (depth_ == 2) {
        // Built even when over a limit, so the refusal can name the sender and answer the id.
        stack_.push_back(makeElement(name, attrs));
        if (attributes > limits_.maxAttributes)
            skipStanza("element with " + std::to_string(attributes) + " attributes (limit " +
                       std::to_string(limits_.maxAttributes) + ")");
        return;
    }
    if (depth_ - 2 > limits_.maxDepth) {
        skipStanza("stanza nested deeper than " + std::to_string(limits_.maxDepth));
    } else if (attributes > limits_.maxAttributes) {
        skipStanza("element with " + std::to_string(attributes) + " attributes (limit " +
                   std::to_string(limits_.maxAttributes) + ")");
    } else if (stack_.back().children().size() >= limits_.maxChildren) {
        skipStanza("element with more than " + std::to_string(limits_.maxChildren) + " children");
    } else {
        stack_.push_back(makeElement(name, attrs));
    }
}

void StreamParser::onEnd(void* self, const char*) {
    static_cast<StreamParser*>(self)->endElement();
}

void StreamParser::endElement() {
    if (depth_ == 0) return;
    --depth_;
    if (depth_ == 0) {
        stack_.clear();
        closed_ = true;
        listener_.onStreamClose();
        return;
    }
    if (depth_ == 1) {
        finishStanza();
        return;
    }
    if (!skipping_.empty()) return;
    Element done = std::move(stack_.back());
    stack_.pop_back();
    // Indentation between children is not content.
    if (!done.children().empty() && done.text().find_first_not_of(" \t\r\n") == std::string::npos)
        done.setText({});
    stack_.back().children().push_back(std::move(done));
}

void StreamParser::finishStanza() {
    long long size = XML_GetCurrentByteIndex(static_cast<XML_Parser>(parser_)) - stanzaStart_;
    stanzaStart_ = -1;
    if (skipping_.empty() && size > static_cast<long long>(limits_.maxStanzaBytes))
        skipStanza("stanza exceeds " + std::to_string(limits_.maxStanzaBytes) + " bytes");
    Element stanza = std::move(stack_.back());
    stack_.pop_back();
    if (!skipping_.empty()) {
        std::string why = std::move(skipping_);
        skipping_.clear();
        listener_.onStanzaRefused(stanza, why);
        return;
    }
    if (!stanza.children().empty() && stanza.text().find_first_not_of(" \t\r\n") == std::string::npos)
        stanza.setText({});
    listener_.onStanza(std::move(stanza));
}

void StreamParser::onText(void* self, const char* text, int len) {
    auto* s = static_cast<StreamParser*>(self);
    if (s->depth_ < 2 || !s->skipping_.empty()) return;  // whitespace between stanzas (keep-alives)
    s->stack_.back().appendText(std::string_view(text, static_cast<size_t>(len)));
    if (s->stack_.back().text().size() > s->limits_.maxStanzaBytes)
        s->skipStanza("text exceeds " + std::to_string(s->limits_.maxStanzaBytes) + " bytes");
}

void StreamParser::onDoctype(void* self, const char*, const char*, const char*, int) {
    static_cast<StreamParser*>(self)->fail("DTD not allowed in an XMPP stream");
}

void StreamParser::onEntityDecl(void* self, const char*, int, const char*, int, const char*, const char*,
                                const char*, const char*) {
    static_cast<StreamParser*>(self)->fail("entity declarations not allowed");
}

}  // namespace jicofo::xml
