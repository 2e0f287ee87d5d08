#include "bridgesim/SimFlags.h"

#include <Poco/Util/OptionSet.h>

#include "simcommon/SimFlagsCommon.h"

namespace jicofo::bridgesim {

namespace {

Poco::Util::OptionSet optionSet() {
    Poco::Util::OptionSet s;
    auto value = simcommon::valueOption(s);
    auto flag = simcommon::flagOption(s);
    value("host", "HOST", "XMPP server for the component connection (localhost)");
    value("port", "PORT", "XMPP server's component port (5347)");
    value("domain", "DOMAIN", "XMPP domain; the component is SUBDOMAIN.DOMAIN (required)");
    value("subdomain", "SUB", "component subdomain (jitsi-videobridge)");
    value("secret", "SECRET", "component secret (required)");
    value("apis", "LIST", "accepted for 2015 compatibility, ignored");
    value("min-port", "N", "first UDP port put in candidates (10000)");
    value("max-port", "N", "last UDP port put in candidates (19999)");
    value("local-address", "IP", "address of the host candidates (127.0.0.1)");
    value("tcp-port", "N", "port of the TCP host candidate, 0 = none (4443)");
    value("expire", "SECONDS", "default channel expire, also the idle time of contents/conferences (60)");
    value("sweep-interval-ms", "MS", "period of the expiry sweep (60000)");
    flag("no-media-keepalive", "channels with ICE candidates do not count as receiving media");
    value("authorized-source-regexp", "RE", "only these requester JIDs may use Colibri");
    flag("refuse-allocations", "answer every allocation with an error (test switch)");
    value("refuse-condition", "COND", "error condition for refused allocations (service-unavailable)");
    flag("silent", "swallow every IQ except the control IQ (test switch)");
    value("delay-ms", "MS", "answer every IQ this late (test switch)");
    flag("graceful-shutdown", "refuse new conferences as a bridge shutting down");
    value("disconnect-after-ms", "MS", "close the component stream this long after start-up");
    value("reconnect-after-ms", "MS", "with --disconnect-after-ms: come back after MS (-1 = stay away)");
    value("pubsub-service", "JID", "publish stats to this PubSub service");
    value("pubsub-node", "NODE", "... on this node");
    value("stats-interval-ms", "MS", "stats publishing period (1000)");
    value("log-level", "LEVEL", "trace, debug, info, warning, error (info)");
    flag("help", "this text");
    return s;
}

using simcommon::number;

void apply(SimFlags& f, const std::string& name, const std::string& value) {
    auto& b = f.sim.bridge;
    auto& sw = f.sim.switches;
    if (name == "host")
        f.host = value;
    else if (name == "port")
        f.port = static_cast<uint16_t>(number(name, value, 1, 65535));
    else if (name == "domain")
        f.domain = value;
    else if (name == "subdomain")
        f.subdomain = value;
    else if (name == "secret")
        f.secret = value;
    else if (name == "min-port")
        b.firstPort = static_cast<uint16_t>(number(name, value, 1, 65535));
    else if (name == "local-address")
        b.localAddress = value;
    else if (name == "tcp-port")
        b.tcpPort = static_cast<uint16_t>(number(name, value, 0, 65535));
    else if (name == "expire")
        b.defaultExpireSeconds = static_cast<uint32_t>(number(name, value, 1, 86400));
    else if (name == "sweep-interval-ms")
        f.sim.sweepInterval = util::Duration(number(name, value, 10, 3600000));
    else if (name == "no-media-keepalive")
        b.mediaKeepsAlive = false;
    else if (name == "authorized-source-regexp")
        b.authorizedSourceRegexp = value;
    else if (name == "refuse-allocations")
        sw.refuseAllocations = true;
    else if (name == "refuse-condition")
        sw.refuseCondition = value;
    else if (name == "silent")
        sw.silent = true;
    else if (name == "delay-ms")
        sw.delayMs = static_cast<uint32_t>(number(name, value, 0, 3600000));
    else if (name == "graceful-shutdown")
        sw.gracefulShutdown = true;
    else if (name == "disconnect-after-ms")
        f.disconnectAfterMs = number(name, value, 0, 86400000);
    else if (name == "reconnect-after-ms")
        f.reconnectAfterMs = number(name, value, -1, 86400000);
    else if (name == "pubsub-service")
        f.sim.pubsub.service = value;
    else if (name == "pubsub-node")
        f.sim.pubsub.node = value;
    else if (name == "stats-interval-ms")
        f.sim.pubsub.interval = util::Duration(number(name, value, 10, 3600000));
}

}  // namespace

util::Result<SimFlags, std::string> parseFlags(const std::vector<std::string>& args) {
    return simcommon::parseFlags<SimFlags>(
        optionSet(), args, apply,
        [](SimFlags& f, const std::optional<int64_t>& maxPort) -> std::optional<std::string> {
            if (f.domain.empty()) return std::string("--domain is required");
            if (f.secret.empty()) return std::string("--secret is required");
            return simcommon::setPortRange(maxPort, f.sim.bridge.firstPort, f.sim.bridge.portRange);
        });
}

std::string usage(const std::string& program) {
    return simcommon::usage(
        optionSet(), program, "--domain=DOMAIN --secret=SECRET [OPTIONS]",
        "A 2015-style jitsi-videobridge simulator speaking Colibri through an XMPP server.");
}

}  // namespace jicofo::bridgesim
