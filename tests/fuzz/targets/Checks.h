#pragma once
// One check function per fuzz target (see FuzzTarget.h); Targets.cpp lists them.
#include <cstddef>
#include <cstdint>
#include <string>

namespace jicofo::fuzz {

// Stream parser: the input (after 4 bytes that choose the split points) fed whole, in chunks and after a
// reset; the same stanzas come out, and each survives the writer.
std::string checkStream(const uint8_t* data, size_t size);
// IQ envelope and stanza errors (protocol/stanza), presence/message addresses.
std::string checkStanza(const uint8_t* data, size_t size);
// util::Jid: parse(str(j)) == j.
std::string checkJid(const uint8_t* data, size_t size);
// conference, login-url, logout, mute.
std::string checkFocus(const uint8_t* data, size_t size);
// Jingle and every element type inside it; sources through the SourceMap; the offer and Colibri updates
// built from a session-accept.
std::string checkJingle(const uint8_t* data, size_t size);
// Colibri conference (allocate responses, updates), stats; what the focus builds from a response.
std::string checkColibri(const uint8_t* data, size_t size);
// MUC occupant presence and the owner configuration form.
std::string checkMuc(const uint8_t* data, size_t size);
// disco#info and disco#items.
std::string checkDisco(const uint8_t* data, size_t size);
// sip-communicator.properties text: parse, write back, parse again; every typed read of it.
std::string checkProperties(const uint8_t* data, size_t size);
// Command line (NUL-separated arguments): the flag split and the whole configuration load.
std::string checkCommandLine(const uint8_t* data, size_t size);

}  // namespace jicofo::fuzz
