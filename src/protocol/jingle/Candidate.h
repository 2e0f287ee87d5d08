#pragma once
// <candidate/> of an ICE-UDP (XEP-0176) or raw-UDP (XEP-0177) transport; the element takes its transport's
// namespace. Every attribute the 2015 bridge and clients write is modelled; any other attribute is kept in
// extra and written back, so a candidate relayed from a client to the bridge loses nothing.
#include <cstdint>
#include <optional>
#include <string>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::jingle {

struct Candidate {
    uint32_t component = 1;  // 1 RTP, 2 RTCP
    std::string foundation;
    std::optional<uint32_t> generation;
    std::string id;
    std::string ip;
    std::optional<uint32_t> network;
    uint16_t port = 0;
    std::optional<uint32_t> priority;
    std::string protocol;  // udp | tcp | ssltcp
    std::string type;      // host | srflx | prflx | relay
    std::string relAddr;   // "" ⇒ absent
    std::optional<uint16_t> relPort;
    std::string tcptype;  // active | passive | so; "" ⇒ absent
    Attributes extra;     // unmodelled attributes, written back as they came

    // ICE candidates must carry component, foundation, ip, port, priority, protocol and type; raw-UDP ones
    // component, ip and port. Numbers out of range (a negative port, say) are bad-request.
    static ParseResult<Candidate> parse(const xml::Element& e, bool ice = true);
    xml::Element toElement(const std::string& transportNs) const;
};

}  // namespace jicofo::protocol::jingle
