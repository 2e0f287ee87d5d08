#pragma once
// What a lib-jitsi-meet 1.0.6 client (late 2015) puts on the wire, from the golden samples in
// reference/samples/lib-jitsi-meet-1.0.6: its MUC join presence, its disco#info answer and its
// session-accept for a focus offer.
#include <cstdint>
#include <string>

#include "protocol/disco/DiscoInfo.h"
#include "protocol/jingle/Jingle.h"
#include "util/Jid.h"
#include "xml/Element.h"

namespace jicofo::bench {

// <presence to='ROOM/NICK'> with muc, caps, user-agent, devices, nick, audio/video muted, videoType.
// caps=false: without the XEP-0115 <c/> (the focus then asks disco#info, as 2015 always did).
xml::Element joinPresence(const util::Jid& occupant, bool caps = true);

// The features of disco-info-result.xml (node included).
protocol::DiscoInfo clientDiscoInfo();

// The answer to an offer: the offered contents and BUNDLE group, each RTP description reduced to the
// offered payload types with the client's own SSRC (cname, msid), a transport with the client's ufrag/pwd
// and a fingerprint with setup='active' (sctpmap kept on the data content).
protocol::jingle::Jingle sessionAcceptFor(const protocol::jingle::Jingle& offer, uint32_t audioSsrc,
                                          uint32_t videoSsrc, const std::string& responder);

}  // namespace jicofo::bench
