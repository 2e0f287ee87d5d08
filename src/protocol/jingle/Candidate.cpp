#include "protocol/jingle/Candidate.h"

namespace jicofo::protocol::jingle {

ParseResult<Candidate> Candidate::parse(const xml::Element& e, bool ice) {
    AttrReader r(e);
    Candidate c;
    auto component = r.uint("component", 255, true);
    c.foundation = r.str("foundation", ice);
    c.generation = r.uint("generation", UINT32_MAX);
    c.id = r.str("id");
    c.ip = r.str("ip", true);
    c.network = r.uint("network", UINT32_MAX);
    auto port = r.uint("port", 65535, true);
    c.priority = r.uint("priority", UINT32_MAX, ice);
    c.protocol = r.str("protocol", ice);
    c.type = r.str("type", ice);
    c.relAddr = r.str("rel-addr");
    auto relPort = r.uint("rel-port", 65535);
    c.tcptype = r.str("tcptype");
    if (r.failed()) return r.error();
    c.component = static_cast<uint32_t>(*component);
    c.port = static_cast<uint16_t>(*port);
    if (relPort) c.relPort = static_cast<uint16_t>(*relPort);
    c.extra = r.unread();
    return c;
}

xml::Element Candidate::toElement(const std::string& transportNs) const {
    xml::Element e("candidate", transportNs);
    e.setAttr("component", std::to_string(component));
    if (!foundation.empty()) e.setAttr("foundation", foundation);
    if (generation) e.setAttr("generation", std::to_string(*generation));
    if (!id.empty()) e.setAttr("id", id);
    e.setAttr("ip", ip);
    if (network) e.setAttr("network", std::to_string(*network));
    e.setAttr("port", std::to_string(port));
    if (priority) e.setAttr("priority", std::to_string(*priority));
    if (!protocol.empty()) e.setAttr("protocol", protocol);
    if (!type.empty()) e.setAttr("type", type);
    if (!relAddr.empty()) e.setAttr("rel-addr", relAddr);
    if (relPort) e.setAttr("rel-port", std::to_string(*relPort));
    if (!tcptype.empty()) e.setAttr("tcptype", tcptype);
    writeAttributes(e, extra);
    return e;
}

}  // namespace jicofo::protocol::jingle
