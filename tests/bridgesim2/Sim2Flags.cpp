#include "bridgesim2/Sim2Flags.h"

#include <Poco/Util/OptionSet.h>

#include <charconv>
#include <cmath>

#include "simcommon/SimFlagsCommon.h"
#include "util/Ids.h"

namespace jicofo::bridgesim2 {

namespace {

Poco::Util::OptionSet optionSet() {
    Poco::Util::OptionSet s;
    auto value = simcommon::valueOption(s);
    auto flag = simcommon::flagOption(s);
    value("host", "HOST", "XMPP server (localhost)");
    value("port", "PORT", "XMPP server's client port (5222)");
    value("domain", "DOMAIN", "login domain, e.g. auth.example.com (required)");
    value("user", "USER", "login user (jvb)");
    value("password", "PW", "login password (required)");
    value("resource", "RES", "resource to bind (the nick)");
    value("ca-file", "PEM", "extra TLS trust anchors");
    flag("trust-all", "accept any server certificate");
    value("brewery", "JID", "brewery room, e.g. jvbbrewery@internal.auth.example.com (required)");
    value("nick", "NICK", "nickname in the brewery, unique per bridge (random)");
    value("stress-level", "X", "stress_level stat (0.0)");
    value("average-participant-stress", "X", "average_participant_stress stat (0.01)");
    value("region", "REGION", "region stat (none)");
    flag("drain", "drain stat true");
    flag("graceful-shutdown", "graceful_shutdown stat true; new conferences refused");
    flag("shutting-down", "shutting_down stat true; new conferences refused");
    flag("unhealthy", "healthy stat false; healthcheck fails");
    value("version", "V", "version stat (2.3.0-bridgesim2)");
    value("relay-id", "ID", "relay_id stat (none)");
    flag("silent", "swallow every IQ except control and listing (test switch)");
    value("delay-ms", "MS", "answer every IQ this late (test switch)");
    value("local-address", "IP", "address of the host candidate (127.0.0.1)");
    value("min-port", "N", "first UDP port put in candidates (10000)");
    value("max-port", "N", "last UDP port put in candidates (19999)");
    value("web-socket-base", "URL", "colibri web-socket URL base, e.g. wss://127.0.0.1:8443/colibri-ws/jvb1");
    value("stats-interval-ms", "MS", "period of the brewery stats presence (5000)");
    value("sweep-interval-ms", "MS", "period of the idle-conference sweep (10000)");
    value("empty-expire-ms", "MS", "an empty conference without requests that long is dropped (60000)");
    value("log-level", "LEVEL", "trace, debug, info, warning, error (info)");
    flag("help", "this text");
    return s;
}

using simcommon::number;

double decimal(const std::string& name, const std::string& value) {
    double v = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v) ||
        v < 0)
        throw std::invalid_argument("--" + name + ": not a number >= 0: " + value);
    return v;
}

util::Duration ms(const std::string& name, const std::string& value) {
    return util::Duration(number(name, value, 10, 86400000));
}

void apply(Sim2Flags& f, const std::string& name, const std::string& value) {
    auto& st = f.sim.state.stats;
    auto& sw = f.sim.state.switches;
    auto& tr = f.sim.transport;
    if (name == "host")
        f.host = value;
    else if (name == "port")
        f.port = static_cast<uint16_t>(number(name, value, 1, 65535));
    else if (name == "domain")
        f.domain = value;
    else if (name == "user")
        f.user = value;
    else if (name == "password")
        f.password = value;
    else if (name == "resource")
        f.resource = value;
    else if (name == "ca-file")
        f.caFile = value;
    else if (name == "trust-all")
        f.trustAll = true;
    else if (name == "brewery") {
        auto jid = util::Jid::parse(value);
        if (!jid || !jid->isBare() || jid->node().empty())
            throw std::invalid_argument("--brewery: not a room JID: " + value);
        f.sim.brewery = *jid;
    } else if (name == "nick")
        f.sim.nick = value;
    else if (name == "stress-level")
        st.stressLevel = decimal(name, value);
    else if (name == "average-participant-stress")
        st.averageParticipantStress = decimal(name, value);
    else if (name == "region")
        st.region = value;
    else if (name == "drain")
        st.drain = true;
    else if (name == "graceful-shutdown")
        st.gracefulShutdown = true;
    else if (name == "shutting-down")
        st.shuttingDown = true;
    else if (name == "unhealthy")
        st.healthy = false;
    else if (name == "version")
        st.version = value;
    else if (name == "relay-id")
        st.relayId = value;
    else if (name == "silent")
        sw.silent = true;
    else if (name == "delay-ms")
        sw.delayMs = static_cast<uint32_t>(number(name, value, 0, 3600000));
    else if (name == "local-address")
        tr.localAddress = value;
    else if (name == "min-port")
        tr.firstPort = static_cast<uint16_t>(number(name, value, 1, 65535));
    else if (name == "web-socket-base")
        tr.webSocketBase = value;
    else if (name == "stats-interval-ms")
        f.sim.statsInterval = ms(name, value);
    else if (name == "sweep-interval-ms")
        f.sim.sweepInterval = ms(name, value);
    else if (name == "empty-expire-ms")
        f.sim.emptyIdle = ms(name, value);
}

}  // namespace

util::Result<Sim2Flags, std::string> parseFlags(const std::vector<std::string>& args) {
    return simcommon::parseFlags<Sim2Flags>(
        optionSet(), args, apply,
        [](Sim2Flags& f, const std::optional<int64_t>& maxPort) -> std::optional<std::string> {
            if (f.domain.empty()) return std::string("--domain is required");
            if (f.password.empty()) return std::string("--password is required");
            if (f.sim.brewery.empty()) return std::string("--brewery is required");
            if (f.sim.nick.empty()) f.sim.nick = util::randomUuid();
            if (f.resource.empty()) f.resource = f.sim.nick;
            return simcommon::setPortRange(maxPort, f.sim.transport.firstPort, f.sim.transport.portRange);
        });
}

std::string usage(const std::string& program) {
    return simcommon::usage(
        optionSet(), program, "--domain=AUTH_DOMAIN --password=PW --brewery=ROOM_JID [OPTIONS]",
        "A Colibri2 jitsi-videobridge simulator: logs in as a client user, joins the brewery MUC "
        "with its stats and answers conference-modify, healthcheck and test IQs.");
}

}  // namespace jicofo::bridgesim2
