#pragma once
// Colibri2 <force-mute xmlns='jitsi:colibri2' audio video/> of an endpoint (AV moderation, docs/media.md
// §2b): the bridge drops that endpoint's audio/video while set. A missing attribute reads as false.
#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::colibri2 {

struct ForceMute {
    bool audio = false, video = false;
    jingle::Attributes extra;

    static bool isForceMute(const xml::Element& e);
    static ParseResult<ForceMute> parse(const xml::Element& e);
    xml::Element toElement() const;  // both attributes always written
};

}  // namespace jicofo::protocol::colibri2
