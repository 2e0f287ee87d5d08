#pragma once
// <transport/> in the ICE-UDP (XEP-0176) or raw-UDP (XEP-0177) namespace, as used in Jingle contents and in
// Colibri channels/bundles: ufrag, pwd, <rtcp-mux/>, DTLS fingerprints, SCTP maps and candidates.
// Kept for round trip: unmodelled attributes and child elements (in extraAttrs/extraChildren) and the order
// of child kinds (ChildOrder). Default order when built in code: rtcp-mux, fingerprint, sctpmap, candidate.
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/Candidate.h"
#include "protocol/jingle/ChildOrder.h"
#include "protocol/jingle/Fingerprint.h"
#include "protocol/jingle/SctpMap.h"

namespace jicofo::protocol::jingle {

struct Transport {
    enum class Kind { IceUdp, RawUdp };
    Kind kind = Kind::IceUdp;
    std::string ufrag, pwd;  // "" ⇒ absent
    bool rtcpMux = false;
    std::vector<Fingerprint> fingerprints;
    std::vector<SctpMap> sctpMaps;
    std::vector<Candidate> candidates;
    Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    ChildOrder order;

    // True for a <transport> element in the ICE-UDP or raw-UDP namespace.
    static bool isTransport(const xml::Element& e);
    static ParseResult<Transport> parse(const xml::Element& e);
    xml::Element toElement() const;

    const char* ns() const;
    // A copy carrying only what the focus relays between client and bridge (docs/media.md §2.4b, §3.2):
    // ufrag, pwd, rtcp-mux, fingerprints and candidates; sctpmap and unmodelled children dropped, default
    // order.
    Transport relayCopy() const;
};

}  // namespace jicofo::protocol::jingle
