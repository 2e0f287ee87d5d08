#include "conference/SourceNames.h"

#include "protocol/colibri2/MediaSource.h"

namespace jicofo::conference {

void nameSources(protocol::jingle::MediaSources& sources, const std::string& endpoint) {
    for (auto& set : sources.entries) {
        if (set.media != "audio" && set.media != "video") continue;
        for (auto& s : set.sources)
            if (s.ssrc && protocol::colibri2::sourceName(s).empty())
                protocol::colibri2::setSourceName(s, endpoint + (set.media == "audio" ? "-a0" : "-v0"));
    }
}

}  // namespace jicofo::conference
