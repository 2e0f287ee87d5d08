#include "config/Catalog.h"

#include <sstream>

#include "config/PropertyNames.h"

namespace jicofo::config {

const std::vector<FlagInfo>& flagCatalog() {
    static const std::vector<FlagInfo> flags = {
        {"domain", "DOMAIN", "the --host value", "XMPP domain; component JID = SUBDOMAIN.DOMAIN"},
        {"host", "HOST", "DOMAIN, else localhost", "XMPP server host for both connections"},
        {"port", "PORT", "5347", "XMPP server port of the component (XEP-0114) listener"},
        {"subdomain", "SUBDOMAIN", "focus", "component subdomain"},
        {"secret", "SECRET", "$JICOFO_SECRET", "component shared secret; required"},
        {"user_domain", "DOMAIN", "", "domain of the focus user, e.g. auth.DOMAIN; required"},
        {"user_name", "NAME", "focus", "focus user name and its MUC nickname"},
        {"user_password", "PASSWORD", "$JICOFO_AUTH_PASSWORD", "focus user password; none = anonymous login"},
        {"config", "FILE", "SC_HOME_DIR_LOCATION/SC_HOME_DIR_NAME/sip-communicator.properties",
         "properties file to read"},
        {"daemon", "", "off", "run in the background"},
        {"pidfile", "FILE", "none", "write the process id to FILE"},
        {"help", "", "", "print this text and exit (also -h)"},
    };
    return flags;
}

const std::vector<PropertyInfo>& propertyCatalog() {
    using namespace prop;
    static const std::vector<PropertyInfo> props = {
        {"XMPP", kHostname, "--host", "XMPP server of the focus user connection", false},
        {"XMPP", kXmppDomain, "--domain", "domain where bridges and services are discovered", false},
        {"XMPP", kFocusUserDomain, "--user_domain", "domain of the focus user", false},
        {"XMPP", kFocusUserName, "--user_name", "focus user name and MUC nickname", false},
        {"XMPP", kFocusUserPassword, "--user_password", "focus user password; unset = anonymous", false},
        {"XMPP", kFocusUserPort, "5222", "XMPP client port of the focus user connection", true},
        {"XMPP", kAlwaysTrustMode, "false", "skip TLS certificate verification (test set-ups only)", true},
        {"XMPP", kAllowPlaintextPassword, "false", "allow the password to be sent without TLS", true},
        {"XMPP", kPingInterval, "10000", "component keep-alive ping period in ms; <= 0 disables", false},
        {"XMPP", kPingTimeout, "5000", "ping reply timeout in ms", false},
        {"XMPP", kPingThreshold, "3", "failed pings before the component counts as dead", false},
        {"XMPP", kXmppWriteTimeout, "20000",
         "ms the XMPP server may leave the focus's output unread before that stream is reconnected", true},
        {"XMPP", kShutdownAllowedJid, "unset", "bare JID allowed to request graceful shutdown", false},
        {"XMPP", kClientProxy, "unset",
         "client_proxy domain (focus.DOMAIN) forwarding to the focus user; replaces the component and "
         "--secret",
         true},
        {"focus", kIdleTimeout, "15000", "ms before a conference nobody joined is stopped", false},
        {"focus", kDisableAutoOwner, "false", "do not make the first participant moderator", false},
        {"focus", kMaxConferencesPerJid, "50", "new conferences one requester may have open; 0 = no limit",
         true},
        {"focus", kMediaRecordingToken, "unset", "token required to start Jirecon recording", false},
        {"focus", kInfluxDbEnabled, "false", "send events to InfluxDB", false},
        {"focus", kInfluxUrlBase, "unset", "InfluxDB URL (required when enabled)", false},
        {"focus", kInfluxDatabase, "unset", "InfluxDB database (required when enabled)", false},
        {"focus", kInfluxUser, "unset", "InfluxDB user", false},
        {"focus", kInfluxPass, "unset", "InfluxDB password", false},
        {"bridges", kServiceRediscoveryInterval, "30000", "ms between service re-discoveries; <= 0 disables",
         false},
        {"bridges", kStatsPubsubNode, "unset", "shared PubSub node where bridges publish stats", false},
        {"bridges", kMaxStatsReportAge, "15000",
         "ms after which a silent bridge from the shared node is dropped", false},
        {"bridges", kPubsubAddress, "unset", "PubSub service JID", false},
        {"bridges", kPubsubRetryInterval, "15000", "ms between PubSub subscribe retries", false},
        {"bridges", kBridgePubsubMapping, "unset", "per-bridge stats nodes: jid:node;jid:node", false},
        {"bridges", kBridgeFailureResetThreshold, "300000",
         "ms before a failed bridge is tried again (read only with BRIDGE_PUBSUB_MAPPING, else 0)", false},
        {"bridges", kBridgeHealthCheckInterval, "10000", "ms between bridge health checks; <= 0 disables",
         true},
        {"bridges", kBridgeRequestTimeout, "20000", "ms to wait for a bridge (or any IQ) reply", true},
        {"bridges", kBridgeMuc, "unset",
         "brewery room of modern (Colibri2) bridges, e.g. jvbbrewery@internal.auth.DOMAIN; the focus joins "
         "it",
         true},
        {"bridges", kBreweryJid, "unset", "the same as BRIDGE_MUC (its newer name); BRIDGE_MUC wins", true},
        {"auth", kAuthUrl, "unset", "XMPP:<domain> or a Shibboleth login URL pattern; unset = no auth",
         false},
        {"auth", kAuthLogoutUrl, "unset", "Shibboleth logout URL pattern or shibboleth:default", false},
        {"auth", kDisableAutologin, "false", "forget a room's auth sessions when its conference ends", false},
        {"auth", kAuthLifetime, "86400000", "ms of inactivity after which an auth session expires", false},
        {"reservation", kReservationBaseUrl, "unset", "reservation REST API base URL; unset = disabled",
         false},
        {"health/HTTP", kHttpPort, "8888", "HTTP port (health check, login); 0 = any free port", false},
        {"health/HTTP", kHttpHost, kDefaultHttpHost, "HTTP bind address; 0.0.0.0 = every interface", false},
        {"health/HTTP", kHttpsPort, "8843", "HTTPS port (read, not served, as in 2015)", false},
        {"logging", kLogLevel, "from logging.properties (INFO)",
         "minimum level: TRACE DEBUG INFO WARNING ERROR", true},
        {"logging", kLogFile, "unset", "also log to this file (rotated by size)", true},
    };
    return props;
}

const std::vector<PropertyInfo>& systemPropertyCatalog() {
    using namespace prop;
    static const std::vector<PropertyInfo> props = {
        {"files", kHomeDirLocation, "$HOME", "parent folder of the configuration folder", false},
        {"files", kHomeDirName, ".sip-communicator",
         "configuration folder holding sip-communicator.properties", false},
        {"files", kLoggingConfigFile, "none (console, INFO)", "logging settings file (Boost.Log INI format)",
         false},
    };
    return props;
}

namespace {

void printProperties(std::ostringstream& out, const std::vector<PropertyInfo>& props) {
    for (const auto& p : props) {
        out << "  " << p.name << (p.isNew ? "  (new)" : "") << "\n      " << p.meaning << "; default "
            << p.defaultText << "\n";
    }
}

}  // namespace

std::string usage(const std::string& program) {
    std::ostringstream out;
    out << "Usage: " << program
        << " --secret=SECRET --user_domain=DOMAIN [--name=value...] [-Dproperty=value...]\n"
        << "\nFlags:\n";
    for (const auto& f : flagCatalog()) {
        std::string left = std::string("--") + f.name + (*f.value ? std::string("=") + f.value : "");
        out << "  " << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << f.meaning;
        if (*f.defaultText) out << " (default " << f.defaultText << ")";
        out << "\n";
    }
    out << "\nEnvironment:\n"
        << "  JICOFO_SECRET             --secret when the flag is not given\n"
        << "  JICOFO_AUTH_PASSWORD      --user_password when the flag is not given\n"
        << "\nSystem properties (-Dname=value):\n";
    printProperties(out, systemPropertyCatalog());
    out << "\nProperties (sip-communicator.properties first, then -D; the file wins):\n";
    printProperties(out, propertyCatalog());
    return out.str();
}

}  // namespace jicofo::config
