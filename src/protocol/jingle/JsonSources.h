#pragma once
// Sources in the compact JSON of a <json-message> (docs/media.md §3.7a; jicofo's compactJson,
// lib-jitsi-meet's expandSourcesFromJson), for clients that advertise http://jitsi.org/json-encoded-sources:
//
//   {"sources":{"OWNER":[[videoSources],[videoGroups],[audioSources],[audioGroups]]}}
//
// a source is {"s":ssrc,"n":"name","m":"msid"} plus "v":"d" for a desktop (screen) source, "n" and "m" only
// when known; a group is ["f"|"s",ssrc,…] (FID / SIM; other semantics are not representable and are left
// out); the audio-groups array is written only when there are audio groups. OWNER is the ssrc-info owner of
// the sources (the focus writes the occupant JID, whose resource is the endpoint id). Writing is compact
// (no spaces), in the order of the MediaSources; parsing accepts any JSON whitespace and ignores members it
// does not know, and refuses (bad-request) anything else: not JSON, no "sources" object, a source without a
// 32-bit "s", unknown group semantics, nesting deeper than the format.
//
//   auto json = JsonSources::fromMediaSources(peers).toJson();          // into JsonMessage{json}
//   auto back = JsonSources::parse(message.text)->toMediaSources();     // owners in ssrc-info
#include <string>
#include <vector>

#include "protocol/jingle/MediaSources.h"

namespace jicofo::protocol::jingle {

struct JsonSources {
    struct Endpoint {
        std::string owner;
        MediaSources sources;  // "video" and "audio" entries only
    };
    std::vector<Endpoint> endpoints;  // in order of first appearance

    // Grouped by the ssrc-info owner of each source ("" when none); a group goes with the owner of its first
    // SSRC. Media other than audio and video are left out.
    static JsonSources fromMediaSources(const MediaSources& sources);
    // Every source with its owner in ssrc-info, its name ("name" attribute), msid parameter and
    // videoType='desktop' when "v" was "d".
    MediaSources toMediaSources() const;

    std::string toJson() const;
    static ParseResult<JsonSources> parse(const std::string& json);
};

}  // namespace jicofo::protocol::jingle
