#pragma once
// Incremental XMPP stream parser on expat: bytes in (split anywhere), one Element per top-level stanza out.
//
// Limits are per stanza (docs: README "Limits"): a stanza deeper, larger, or with more attributes or children
// than allowed is skipped on its own — parsing goes on without building it — and reported with its envelope
// (name, id, type, from, to) through onStanzaRefused, so an IQ can be refused with an error. Only input that
// is not well-formed, a DTD or entity declaration (billion laughs), or a stanza larger than the hard cap (a
// stream that never ends its stanza) ends the stream.
//
// Attributes with a namespace prefix (other than xml:) are dropped: only the unqualified `from`, `to`, `id`,
// `type`... are the stanza's, and a peer's `x:from` must never stand in for them.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "xml/Element.h"

namespace jicofo::xml {

struct ParserLimits {
    size_t maxStanzaBytes = 512 * 1024;  // Prosody's own c2s default is 256 KiB; components may send more
    size_t maxDepth = 32;                // elements below the stanza; any deeper stanza is refused
    size_t maxAttributes = 64;           // per element
    size_t maxChildren = 2000;           // per element
    // A stanza still open after this many bytes ends the stream: skipping it would still let expat buffer
    // an unbounded token.
    size_t hardStanzaBytes = 8 * 1024 * 1024;
};

class StreamParser {
  public:
    class Listener {
      public:
        virtual ~Listener() = default;
        // The <stream:stream> header; its attributes (id, from, version...) as an element without children.
        virtual void onStreamOpen(const Element& header) = 0;
        virtual void onStanza(Element stanza) = 0;
        // A stanza over a limit: `envelope` is its top-level element with its own attributes and no
        // children; `why` names the limit.
        virtual void onStanzaRefused(const Element& envelope, const std::string& why) {
            (void)envelope;
            (void)why;
        }
        virtual void onStreamClose() = 0;
    };

    StreamParser(Listener& listener, ParserLimits limits = {});
    ~StreamParser();
    StreamParser(const StreamParser&) = delete;
    StreamParser& operator=(const StreamParser&) = delete;

    // Feeds bytes. Returns false once the stream is bad (syntax, DTD, hard cap); error() says why.
    bool feed(const char* data, size_t size);
    const std::string& error() const { return error_; }
    // Forget everything: a new stream starts (after STARTTLS or SASL success).
    void reset();

  private:
    static void onStart(void* self, const char* name, const char** attrs);
    static void onEnd(void* self, const char* name);
    static void onText(void* self, const char* text, int len);
    static void onDoctype(void* self, const char*, const char*, const char*, int);
    static void onEntityDecl(void* self, const char*, int, const char*, int, const char*, const char*,
                             const char*, const char*);
    void startElement(const char* name, const char** attrs);
    void endElement();
    // The limit `why` was hit: drop what was built of the stanza but its envelope; skip the rest of it.
    void skipStanza(std::string why);
    void finishStanza();
    void fail(std::string why);
    void create();

    Listener& listener_;
    ParserLimits limits_;
    void* parser_ = nullptr;  // XML_Parser
    // Open elements: [0] the stream header, [1] the stanza, then its open descendants (not while skipping).
    std::vector<Element> stack_;
    size_t depth_ = 0;            // open elements, counted also while skipping
    std::string skipping_;        // why the current stanza is skipped; empty when it is being built
    long long stanzaStart_ = -1;  // byte index where the current stanza began
    bool closed_ = false;         // </stream:stream> seen
    long long fed_ = 0;
    std::string error_;
};

}  // namespace jicofo::xml
