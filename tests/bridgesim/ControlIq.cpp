#include "bridgesim/ControlIq.h"

#include "bridgesim/LiveListing.h"
#include "protocol/jingle/AttrReader.h"

namespace jicofo::bridgesim {

using protocol::jingle::AttrReader;
using protocol::jingle::boolText;

bool ControlRequest::isControl(const xml::Element& e) {
    return e.name() == "control" && e.ns() == kBridgeSimNs;
}

protocol::ParseResult<ControlRequest> ControlRequest::parse(const xml::Element& e) {
    if (!isControl(e)) return protocol::jingle::badRequest("not a bridgesim <control> element");
    AttrReader r(e);
    ControlRequest c;
    c.refuseAllocations = r.boolean("refuse-allocations");
    if (e.hasAttr("refuse-condition")) c.refuseCondition = r.str("refuse-condition", true);
    c.silent = r.boolean("silent");
    if (auto d = r.uint("delay-ms", 3600000)) c.delayMs = static_cast<uint32_t>(*d);
    c.gracefulShutdown = r.boolean("graceful-shutdown");
    c.sweep = r.boolean("sweep").value_or(false);
    c.disconnect = r.boolean("disconnect").value_or(false);
    c.reconnectAfterMs = r.sint("reconnect-after-ms", -1, 3600000).value_or(0);
    if (r.failed()) return r.error();
    return c;
}

xml::Element ControlRequest::toElement() const {
    xml::Element e("control", kBridgeSimNs);
    if (refuseAllocations) e.setAttr("refuse-allocations", boolText(*refuseAllocations));
    if (refuseCondition) e.setAttr("refuse-condition", *refuseCondition);
    if (silent) e.setAttr("silent", boolText(*silent));
    if (delayMs) e.setAttr("delay-ms", std::to_string(*delayMs));
    if (gracefulShutdown) e.setAttr("graceful-shutdown", boolText(*gracefulShutdown));
    if (sweep) e.setAttr("sweep", "true");
    if (disconnect) {
        e.setAttr("disconnect", "true");
        e.setAttr("reconnect-after-ms", std::to_string(reconnectAfterMs));
    }
    return e;
}

void ControlRequest::applyTo(FailureSwitches& s) const {
    if (refuseAllocations) s.refuseAllocations = *refuseAllocations;
    if (refuseCondition) s.refuseCondition = *refuseCondition;
    if (silent) s.silent = *silent;
    if (delayMs) s.delayMs = *delayMs;
    if (gracefulShutdown) s.gracefulShutdown = *gracefulShutdown;
}

xml::Element describeSwitches(const FailureSwitches& s) {
    xml::Element e("control", kBridgeSimNs);
    e.setAttr("refuse-allocations", boolText(s.refuseAllocations));
    e.setAttr("refuse-condition", s.refuseCondition);
    e.setAttr("silent", boolText(s.silent));
    e.setAttr("delay-ms", std::to_string(s.delayMs));
    e.setAttr("graceful-shutdown", boolText(s.gracefulShutdown));
    return e;
}

protocol::ParseResult<FailureSwitches> parseSwitches(const xml::Element& e) {
    auto req = ControlRequest::parse(e);
    if (!req) return req.error();
    FailureSwitches s;
    req->applyTo(s);
    return s;
}

bool isAllocation(const protocol::colibri::ColibriConference& request) {
    if (request.id.empty()) return true;
    for (const auto& content : request.contents) {
        for (const auto& ch : content.channels)
            if (ch.id.empty() && ch.expire.value_or(1) != 0) return true;
        for (const auto& s : content.sctpConnections)
            if (s.id.empty() && s.expire.value_or(1) != 0) return true;
    }
    return false;
}

}  // namespace jicofo::bridgesim
