// The stream parser as the reader thread drives it: bytes split anywhere. The first 4 input bytes seed the
// split points (so the fuzzer chooses them), the rest is the stream. Properties:
//  - fed in chunks, the same stanzas come out as fed whole (a prefix of them: reparse deferral may hold
//    back the end of the input until more bytes come), and the same stream header;
//  - after reset() the same input gives the same stanzas again;
//  - every stanza written by the Writer and read back is the same element.
#include <string>
#include <vector>

#include "targets/Checks.h"
#include "targets/RoundTrip.h"
#include "xml/StreamParser.h"

namespace jicofo::fuzz {
namespace {

struct Collected : xml::StreamParser::Listener {
    std::vector<xml::Element> headers;
    std::vector<xml::Element> stanzas;
    int closes = 0;
    bool failed = false;

    void onStreamOpen(const xml::Element& header) override { headers.push_back(header); }
    void onStanza(xml::Element stanza) override { stanzas.push_back(std::move(stanza)); }
    void onStreamClose() override { ++closes; }
};

// Forwards to one collector, then (after reset) to another: a parser keeps its listener for life.
struct Switch : xml::StreamParser::Listener {
    Collected* to;
    explicit Switch(Collected* c) : to(c) {}
    void onStreamOpen(const xml::Element& header) override { to->onStreamOpen(header); }
    void onStanza(xml::Element stanza) override { to->onStanza(std::move(stanza)); }
    void onStreamClose() override { to->onStreamClose(); }
};

// Small limits, so that inputs of a few kilobytes reach them.
xml::ParserLimits fuzzLimits() {
    xml::ParserLimits l;
    l.maxStanzaBytes = 2048;
    l.maxDepth = 8;
    return l;
}

void feedWhole(xml::StreamParser& p, Collected& c, const std::string& bytes) {
    c.failed = !p.feed(bytes.data(), bytes.size());
}

// xorshift32: chunk lengths 1..maxChunk from the seed.
void feedChunks(xml::StreamParser& p, Collected& c, const std::string& bytes, uint32_t seed) {
    uint32_t state = seed | 1;
    const size_t maxChunk = 1 + (seed >> 24) % 64;
    for (size_t pos = 0; pos < bytes.size() && !c.failed;) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        size_t n = std::min(bytes.size() - pos, 1 + state % maxChunk);
        c.failed = !p.feed(bytes.data() + pos, n);
        pos += n;
    }
}

// b's stanzas must be a prefix of a's (a got the whole input at once).
std::string samePrefix(const Collected& a, const Collected& b, const char* how) {
    if (b.stanzas.size() > a.stanzas.size() && !a.failed)
        return std::string(how) + ": more stanzas than fed whole (" + std::to_string(b.stanzas.size()) +
               " > " + std::to_string(a.stanzas.size()) + ")";
    size_t n = std::min(a.stanzas.size(), b.stanzas.size());
    for (size_t i = 0; i < n; ++i)
        if (a.stanzas[i] != b.stanzas[i])
            return describeMismatch(std::string(how) + ": stanza " + std::to_string(i) + " differs",
                                    a.stanzas[i], b.stanzas[i]);
    if (!a.headers.empty() && !b.headers.empty() && a.headers.front() != b.headers.front())
        return describeMismatch(std::string(how) + ": stream header differs", a.headers.front(),
                                b.headers.front());
    return {};
}

}  // namespace

std::string checkStream(const uint8_t* data, size_t size) {
    uint32_t seed = 0;
    size_t skip = std::min<size_t>(size, 4);
    for (size_t i = 0; i < skip; ++i) seed = (seed << 8) | data[i];
    const std::string bytes(reinterpret_cast<const char*>(data) + skip, size - skip);

    Collected whole, chunked, again;
    {
        Switch listener(&whole);
        xml::StreamParser p(listener, fuzzLimits());
        feedWhole(p, whole, bytes);
        // The same parser after reset(), as after STARTTLS: nothing of the first stream remains.
        p.reset();
        listener.to = &again;
        feedWhole(p, again, bytes);
    }
    {
        xml::StreamParser p(chunked, fuzzLimits());
        feedChunks(p, chunked, bytes, seed);
    }
    std::string out;
    keepFirst(out, samePrefix(whole, chunked, "fed in chunks"));
    if (again.stanzas.size() != whole.stanzas.size() || again.failed != whole.failed)
        keepFirst(out, "after reset(): " + std::to_string(again.stanzas.size()) +
                           " stanzas, failed=" + std::to_string(again.failed) + "; first time " +
                           std::to_string(whole.stanzas.size()) + ", failed=" + std::to_string(whole.failed));
    keepFirst(out, samePrefix(whole, again, "after reset()"));
    for (const auto& s : whole.stanzas) keepFirst(out, wireRoundTrip(s, "stanza"));
    return out;
}

}  // namespace jicofo::fuzz
