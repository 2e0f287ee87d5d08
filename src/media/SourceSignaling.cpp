#include "media/SourceSignaling.h"

#include "protocol/jingle/JsonSources.h"

namespace jicofo::media {

namespace jingle = protocol::jingle;

jingle::Jingle sourceUpdate(const jingle::MediaSources& changed, jingle::JingleAction action,
                            const std::string& sid, bool json) {
    if (!json) return changed.toJingle(action, sid);
    jingle::Jingle j;
    j.action = action;
    j.sid = sid;
    j.jsonMessage = jingle::JsonMessage{jingle::JsonSources::fromMediaSources(changed).toJson()};
    return j;
}

}  // namespace jicofo::media
