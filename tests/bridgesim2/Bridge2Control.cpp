#include "bridgesim2/Bridge2Control.h"

#include <charconv>
#include <cmath>

#include "bridgesim2/Bridge2Listing.h"
#include "protocol/colibri2/BreweryStats.h"
#include "protocol/jingle/AttrReader.h"

namespace jicofo::bridgesim2 {

using protocol::colibri2::formatStatNumber;
using protocol::jingle::AttrReader;
using protocol::jingle::boolText;

namespace {

std::optional<double> readNumber(AttrReader& r, const xml::Element& e, const char* name) {
    if (!e.hasAttr(name)) return std::nullopt;
    std::string text = r.str(name);
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (!text.empty() && ec == std::errc() && end == text.data() + text.size() && std::isfinite(v) && v >= 0)
        return v;
    r.fail("<control> " + std::string(name) + "='" + text + "' is not a number");
    return std::nullopt;
}

std::optional<std::string> readText(AttrReader& r, const xml::Element& e, const char* name) {
    if (!e.hasAttr(name)) return std::nullopt;
    return r.str(name);
}

}  // namespace

bool ControlRequest::isControl(const xml::Element& e) {
    return e.name() == "control" && e.ns() == kBridgeSim2Ns;
}

protocol::ParseResult<ControlRequest> ControlRequest::parse(const xml::Element& e) {
    if (!isControl(e)) return protocol::jingle::badRequest("not a bridgesim2 <control> element");
    AttrReader r(e);
    ControlRequest c;
    c.stressLevel = readNumber(r, e, "stress-level");
    c.averageParticipantStress = readNumber(r, e, "average-participant-stress");
    c.region = readText(r, e, "region");
    c.version = readText(r, e, "version");
    c.relayId = readText(r, e, "relay-id");
    c.drain = r.boolean("drain");
    c.gracefulShutdown = r.boolean("graceful-shutdown");
    c.shuttingDown = r.boolean("shutting-down");
    c.healthy = r.boolean("healthy");
    c.silent = r.boolean("silent");
    if (auto d = r.uint("delay-ms", 3600000)) c.delayMs = static_cast<uint32_t>(*d);
    c.sweep = r.boolean("sweep").value_or(false);
    c.leave = r.boolean("leave").value_or(false);
    c.rejoinAfterMs = r.sint("rejoin-after-ms", -1, 3600000).value_or(-1);
    if (r.failed()) return r.error();
    return c;
}

xml::Element ControlRequest::toElement() const {
    xml::Element e("control", kBridgeSim2Ns);
    if (stressLevel) e.setAttr("stress-level", formatStatNumber(*stressLevel));
    if (averageParticipantStress)
        e.setAttr("average-participant-stress", formatStatNumber(*averageParticipantStress));
    if (region) e.setAttr("region", *region);
    if (version) e.setAttr("version", *version);
    if (relayId) e.setAttr("relay-id", *relayId);
    for (auto [name, value] : {std::pair{"drain", drain}, std::pair{"graceful-shutdown", gracefulShutdown},
                               std::pair{"shutting-down", shuttingDown}, std::pair{"healthy", healthy},
                               std::pair{"silent", silent}})
        if (value) e.setAttr(name, boolText(*value));
    if (delayMs) e.setAttr("delay-ms", std::to_string(*delayMs));
    if (sweep) e.setAttr("sweep", "true");
    if (leave) {
        e.setAttr("leave", "true");
        e.setAttr("rejoin-after-ms", std::to_string(rejoinAfterMs));
    }
    return e;
}

void ControlRequest::applyTo(ControlState& s) const {
    if (stressLevel) s.stats.stressLevel = *stressLevel;
    if (averageParticipantStress) s.stats.averageParticipantStress = *averageParticipantStress;
    if (region) s.stats.region = *region;
    if (version) s.stats.version = *version;
    if (relayId) s.stats.relayId = *relayId;
    if (drain) s.stats.drain = *drain;
    if (gracefulShutdown) s.stats.gracefulShutdown = *gracefulShutdown;
    if (shuttingDown) s.stats.shuttingDown = *shuttingDown;
    if (healthy) s.stats.healthy = *healthy;
    if (silent) s.switches.silent = *silent;
    if (delayMs) s.switches.delayMs = *delayMs;
}

bool ControlRequest::changesStats() const {
    return stressLevel || averageParticipantStress || region || version || relayId || drain ||
           gracefulShutdown || shuttingDown || healthy;
}

xml::Element describeState(const ControlState& s) {
    ControlRequest all;
    all.stressLevel = s.stats.stressLevel;
    all.averageParticipantStress = s.stats.averageParticipantStress;
    all.region = s.stats.region;
    all.version = s.stats.version;
    all.relayId = s.stats.relayId;
    all.drain = s.stats.drain;
    all.gracefulShutdown = s.stats.gracefulShutdown;
    all.shuttingDown = s.stats.shuttingDown;
    all.healthy = s.stats.healthy;
    all.silent = s.switches.silent;
    all.delayMs = s.switches.delayMs;
    return all.toElement();
}

protocol::ParseResult<ControlState> parseState(const xml::Element& e) {
    auto req = ControlRequest::parse(e);
    if (!req) return req.error();
    ControlState s;
    req->applyTo(s);
    return s;
}

}  // namespace jicofo::bridgesim2
