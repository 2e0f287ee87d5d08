#pragma once
// Colibri2 <sources xmlns='jitsi:colibri2'> (docs/media.md §2b): an endpoint's complete set of media-sources
// (it replaces the previous set) or, at the top of a conference-modified, the bridge's feedback sources
// (jvb-a0, jvb-v0). An empty <sources/> is meaningful: "this endpoint now sends nothing".
// Kept: unknown children (after the media-sources).
#include <string>
#include <vector>

#include "protocol/colibri2/MediaSource.h"

namespace jicofo::protocol::colibri2 {

struct Sources {
    std::vector<MediaSource> mediaSources;
    std::vector<xml::Element> extraChildren;

    static bool isSources(const xml::Element& e);
    static ParseResult<Sources> parse(const xml::Element& e);
    xml::Element toElement() const;

    const MediaSource* find(const std::string& id) const;
    size_t ssrcCount() const;
};

}  // namespace jicofo::protocol::colibri2
