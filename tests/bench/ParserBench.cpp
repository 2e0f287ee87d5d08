// jicofo_parser_bench: what one hostile stanza costs the stream parser (issue 9). Prints, for each shape,
// the stanza size and the time from its bytes to the parser's verdict (built or skipped), best of N runs.
// Not a test: figures only. Run: tests/bench/jicofo_parser_bench [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "xml/StreamParser.h"

using jicofo::xml::Element;
using jicofo::xml::StreamParser;

namespace {

struct Counter : StreamParser::Listener {
    int stanzas = 0, refused = 0;
    void onStreamOpen(const Element&) override {}
    void onStanza(Element) override { ++stanzas; }
    void onStanzaRefused(const Element&, const std::string&) override { ++refused; }
    void onStreamClose() override {}
};

const std::string kHead =
    "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

std::string iq(const std::string& inner) {
    return "<iq type='set' id='b1' from='r@conference.example.com/p' to='focus@auth.example.com/focus'>" +
           inner + "</iq>";
}

std::string attributes(size_t bytes) {
    std::string s = "<a xmlns='urn:a'";
    for (int i = 0; s.size() < bytes; ++i) s += " a" + std::to_string(i) + "='v'";
    return s + "/>";
}

std::string repeat(const std::string& unit, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += unit;
    return s;
}

std::string sourceAdd(int sources) {
    std::string s =
        "<jingle xmlns='urn:xmpp:jingle:1' action='source-add' sid='s1'><content name='video'>"
        "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='video'>";
    for (int i = 0; i < sources; ++i)
        s += "<source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc='" + std::to_string(1000 + i) +
             "'><parameter name='msid' value='stream track'/><ssrc-info xmlns='http://jitsi.org/jitmeet' "
             "owner='r@conference.example.com/p'/></source>";
    return s + "</description></content></jingle>";
}

}  // namespace

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    struct Shape {
        const char* name;
        std::string stanza;
    };
    std::vector<Shape> shapes = {
        {"source-add, 2 sources (ordinary)", iq(sourceAdd(2))},
        {"source-add, 1200 sources", iq(sourceAdd(1200))},
        {"256 KiB of attributes (~27k)", iq(attributes(256 * 1024))},
        {"512 KiB of attributes (~52k)", iq(attributes(512 * 1024))},
        {"nesting 600", iq(repeat("<n xmlns='urn:n'>", 600) + repeat("</n>", 600))},
        {"4000 children", iq("<m xmlns='urn:m'>" + repeat("<c/>", 4000) + "</m>")},
        {"200 kB of text", iq("<t xmlns='urn:t'>" + std::string(200000, 'x') + "</t>")},
    };
    std::printf("jicofo_parser_bench: one stanza through the stream parser, best of %d runs\n", runs);
    std::printf("%-36s %10s %12s  %s\n", "stanza", "bytes", "time (ms)", "verdict");
    for (const auto& shape : shapes) {
        double best = 1e18;
        Counter last;
        for (int r = 0; r < runs; ++r) {
            Counter c;
            StreamParser p(c);
            p.feed(kHead.data(), kHead.size());
            auto t0 = std::chrono::steady_clock::now();
            bool ok = p.feed(shape.stanza.data(), shape.stanza.size());
            auto t1 = std::chrono::steady_clock::now();
            if (!ok) {
                std::printf("%-36s stream error: %s\n", shape.name, p.error().c_str());
                return 1;
            }
            best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
            last = c;
        }
        std::printf("%-36s %10zu %12.3f  %s\n", shape.name, shape.stanza.size(), best,
                    last.stanzas   ? "built"
                    : last.refused ? "skipped (policy-violation)"
                                   : "?");
    }
    return 0;
}
