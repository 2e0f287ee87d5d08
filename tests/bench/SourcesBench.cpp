// jicofo_sources_bench: what the focus sends a participant about the others' sources (issue 13 §2,
// docs/media.md §3.7a), as XML (<source>/<ssrc-group> in the descriptions, every client) and as the compact
// JSON of a <json-message> (clients that advertise json-encoded-sources). For rooms of N peers, each with an
// audio source and a simulcast camera (3 layers, each with an RTX SSRC: SIM + 3 FID groups), named, with msid
// and owner: the bytes on the wire of the <jingle> and the time to build and write it (best of RUNS), plus
// the time to parse the JSON back. Not a test: figures only. Run: tests/bench/jicofo_sources_bench [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "media/SourceSignaling.h"
#include "protocol/colibri2/MediaSource.h"
#include "protocol/jingle/JsonSources.h"

using namespace jicofo;
namespace jingle = protocol::jingle;

namespace {

jingle::Source source(uint32_t ssrc, const std::string& owner, const std::string& name,
                      const std::string& msid) {
    jingle::Source s = jingle::Source::make(ssrc);
    protocol::colibri2::setSourceName(s, name);
    s.setParam("msid", msid);
    s.setOwner(owner);
    return s;
}

jingle::MediaSources room(int peers) {
    jingle::MediaSources m;
    for (int p = 0; p < peers; ++p) {
        std::string nick = "p" + std::to_string(1000 + p);
        std::string owner = "room@conference.example.com/" + nick;
        uint32_t base = 100000u * static_cast<uint32_t>(p + 1);
        m.at("audio").sources.push_back(
            source(base, owner, nick + "-a0", nick + "-stream " + nick + "-audio"));
        auto& video = m.at("video");
        jingle::SourceGroup sim{"SIM", {}, {}};
        for (uint32_t layer = 0; layer < 3; ++layer) {
            uint32_t primary = base + 10 + layer, rtx = base + 20 + layer;
            std::string msid = nick + "-stream " + nick + "-video";
            video.sources.push_back(source(primary, owner, nick + "-v0", msid));
            video.sources.push_back(source(rtx, owner, nick + "-v0", msid));
            video.groups.push_back({"FID", {primary, rtx}, {}});
            sim.ssrcs.push_back(primary);
        }
        video.groups.push_back(sim);
    }
    return m;
}

template <typename F>
double bestMs(int runs, F f) {
    double best = 1e18;
    for (int r = 0; r < runs; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        f();
        auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    std::printf("jicofo_sources_bench: the others' sources in one source-add, best of %d runs\n", runs);
    std::printf("%6s %8s %12s %12s %7s %12s %12s %12s\n", "peers", "sources", "XML bytes", "JSON bytes",
                "ratio", "XML ms", "JSON ms", "parse ms");
    for (int peers : {1, 5, 20, 50, 100}) {
        jingle::MediaSources sources = room(peers);
        std::string xmlText, jsonText;
        double xmlMs = bestMs(runs, [&] {
            xmlText = media::sourceUpdate(sources, jingle::JingleAction::SourceAdd, "sid1", false)
                          .toElement()
                          .toString();
        });
        double jsonMs = bestMs(runs, [&] {
            jsonText = media::sourceUpdate(sources, jingle::JingleAction::SourceAdd, "sid1", true)
                           .toElement()
                           .toString();
        });
        std::string json = jingle::JsonSources::fromMediaSources(sources).toJson();
        bool ok = true;
        double parseMs = bestMs(runs, [&] { ok = ok && jingle::JsonSources::parse(json).ok(); });
        std::printf("%6d %8zu %12zu %12zu %6.1fx %12.3f %12.3f %12.3f%s\n", peers, sources.sourceCount(),
                    xmlText.size(), jsonText.size(), double(xmlText.size()) / double(jsonText.size()), xmlMs,
                    jsonMs, parseMs, ok ? "" : "  (parse FAILED)");
    }
    return 0;
}
