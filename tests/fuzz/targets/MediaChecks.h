#pragma once
// What the focus builds from typed media objects (offers, Colibri requests and updates) must be what it can
// read back: shared by the Jingle and Colibri targets.
#include <string>

#include "protocol/colibri/ParticipantChannels.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/jingle/MediaSources.h"

namespace jicofo::fuzz {

// A bundled and a non-bundled allocation as a 2015 bridge answers (tests/golden/colibri/allocate-*).
const protocol::colibri::ParticipantChannels& bundledChannels();
const protocol::colibri::ParticipantChannels& separateChannels();

// Round trips of a Jingle / Colibri conference the focus built.
std::string builtJingle(const protocol::jingle::Jingle& j, const std::string& what);
std::string builtColibri(const protocol::colibri::ColibriConference& c, const std::string& what);

// The offer for these channels carrying peers' sources, and every Colibri request built from the channels.
std::string checkOfferAndRequests(const protocol::colibri::ParticipantChannels& channels,
                                  const protocol::jingle::MediaSources& peers);
// The Colibri updates a session-accept causes.
std::string checkAcceptUpdates(const protocol::colibri::ParticipantChannels& channels,
                               const protocol::jingle::Jingle& accept,
                               const protocol::jingle::MediaSources& current);

}  // namespace jicofo::fuzz
