#pragma once
// How the focus tells one participant about other participants' sources (docs/media.md §3.7a): a source-add
// or source-remove with the sources in XML descriptions (every client since 2015), or the same sources as a
// <json-message> in the compact JSON (protocol/jingle/JsonSources) when the receiver advertised
// http://jitsi.org/json-encoded-sources. The offer does the same through OfferFactory's jsonSources.
#include <string>

#include "protocol/jingle/Jingle.h"
#include "protocol/jingle/MediaSources.h"

namespace jicofo::media {

protocol::jingle::Jingle sourceUpdate(const protocol::jingle::MediaSources& changed,
                                      protocol::jingle::JingleAction action, const std::string& sid,
                                      bool json);

}  // namespace jicofo::media
