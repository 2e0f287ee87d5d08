#pragma once
// Incremental XMPP stream parser on expat: bytes in (split anywhere), one Element per top-level stanza out.
// Refuses DTDs and entity declarations (billion-laughs), and stanzas over the size or depth limits.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "xml/Element.h"

namespace jicofo::xml {

struct ParserLimits {
    size_t maxStanzaBytes = 512 * 1024;  // Prosody's own c2s default is 256 KiB; components may send more
    size_t maxDepth = 32;                // below the stream element
};

class StreamParser {
  public:
    class Listener {
      public:
        virtual ~Listener() = default;
        // The <stream:stream> header; its attributes (id, from, version...) as an element without children.
        virtual void onStreamOpen(const Element& header) = 0;
        virtual void onStanza(Element stanza) = 0;
        virtual void onStreamClose() = 0;
    };

    StreamParser(Listener& listener, ParserLimits limits = {});
    ~StreamParser();
    StreamParser(const StreamParser&) = delete;
    StreamParser& operator=(const StreamParser&) = delete;

    // Feeds bytes. Returns false once the input is bad (syntax, DTD, limits); error() says why.
    bool feed(const char* data, size_t size);
    const std::string& error() const { return error_; }
    // Forget everything: a new stream starts (after STARTTLS or SASL success).
    void reset();

  private:
    struct Impl;
    static void onStart(void* self, const char* name, const char** attrs);
    static void onEnd(void* self, const char* name);
    static void onText(void* self, const char* text, int len);
    static void onDoctype(void* self, const char*, const char*, const char*, int);
    static void onEntityDecl(void* self, const char*, int, const char*, int, const char*, const char*,
                             const char*, const char*);
    void fail(std::string why);
    void create();

    Listener& listener_;
    ParserLimits limits_;
    void* parser_ = nullptr;  // XML_Parser
    std::vector<Element> stack_;
    long long stanzaStart_ = -1;  // byte index where the current stanza began
    long long fed_ = 0;
    std::string error_;
};

}  // namespace jicofo::xml
