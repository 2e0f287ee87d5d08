#pragma once
// Every source the focus keeps has a name (issue 13 §2 "Named sources"; docs/media.md §2b, §4): clients since
// 2021 key remote sources by name, and a Colibri2 media-source is one name. A 2015 client names none, so
// its unnamed audio sources become NICK-a0 and its unnamed video sources NICK-v0 (jicofo does the same),
// which is also what the Colibri2 bridge gets. Names a client gave are kept.
#include <string>

#include "protocol/jingle/MediaSources.h"

namespace jicofo::conference {

void nameSources(protocol::jingle::MediaSources& sources, const std::string& endpoint);

}  // namespace jicofo::conference
