#pragma once
// What a 2015 client answers to the focus's offer (docs/media.md §3.4): the offered contents with its own
// audio and video SSRC, data with a transport only, and its ICE credentials with a DTLS fingerprint
// setup='active'.
#include <cstdint>
#include <string>

#include "protocol/jingle/Jingle.h"

namespace jicofo::test {

protocol::jingle::Jingle sessionAcceptFor(const protocol::jingle::Jingle& offer, uint32_t audioSsrc,
                                          uint32_t videoSsrc, const std::string& responder);

}  // namespace jicofo::test
