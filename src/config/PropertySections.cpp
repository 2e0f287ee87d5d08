#include "config/PropertySections.h"

#include "config/Catalog.h"
#include "config/ConfigLoader.h"
#include "config/PropertyNames.h"

namespace jicofo::config {
namespace {

void readXmpp(PropertyReader& r, FocusConfig& c) {
    using namespace prop;
    c.hostname = r.string(kHostname).value_or("");
    if (c.hostname.empty()) r.fail(kHostname, "must not be empty");
    c.xmppDomain = r.domain(kXmppDomain);
    c.focusUserDomain = r.domain(kFocusUserDomain);
    c.focusUserName = r.string(kFocusUserName).value_or("");
    if (c.focusUserName.empty())
        r.fail(kFocusUserName, "must not be empty");
    else if (!c.focusUserDomain.empty() && !util::Jid::parse(c.focusUserName + "@" + c.focusUserDomain))
        r.fail(kFocusUserName, quoteValue(c.focusUserName + "@" + c.focusUserDomain) + " is not a valid JID");
    c.focusUserPassword = r.string(kFocusUserPassword);
    c.focusUserPort = r.port(kFocusUserPort, 5222);
    c.alwaysTrustMode = r.boolean(kAlwaysTrustMode, false);
    c.allowPlaintextPassword = r.boolean(kAllowPlaintextPassword, false);
    c.pingInterval = r.millis(kPingInterval, Millis(10000));
    c.pingTimeout = r.millis(kPingTimeout, Millis(5000));
    if (c.pingInterval.count() > 0 && c.pingTimeout.count() <= 0)
        r.fail(kPingTimeout,
               std::to_string(c.pingTimeout.count()) + " is not a positive number of milliseconds");
    c.pingThreshold = r.integer(kPingThreshold, 3, 1, 1000000);
    c.xmppWriteTimeout = r.positiveMillis(kXmppWriteTimeout, Millis(20000));
    auto shutdownJid = r.jid(kShutdownAllowedJid);
    if (shutdownJid) c.shutdownAllowedJid = shutdownJid->bare();  // compared with the sender's bare JID
    c.clientProxy = r.jid(kClientProxy);
    if (c.clientProxy && (!c.clientProxy->node().empty() || !c.clientProxy->isBare()))
        r.fail(kClientProxy, quoteValue(c.clientProxy->str()) + " is not a domain (e.g. focus.DOMAIN)");
}

void readFocus(PropertyReader& r, FocusConfig& c) {
    using namespace prop;
    c.idleTimeout = r.positiveMillis(kIdleTimeout, Millis(15000));
    c.disableAutoOwner = r.boolean(kDisableAutoOwner, false);
    c.maxConferencesPerJid = r.integer(kMaxConferencesPerJid, 50, 0, 1000000);
    c.mediaRecordingToken = r.string(kMediaRecordingToken);
    c.influxDbEnabled = r.boolean(kInfluxDbEnabled, false);
    c.influxUrlBase = r.string(kInfluxUrlBase);
    c.influxDatabase = r.string(kInfluxDatabase);
    c.influxUser = r.string(kInfluxUser);
    c.influxPass = r.string(kInfluxPass);
    if (c.influxDbEnabled) {
        for (const char* name : {kInfluxUrlBase, kInfluxDatabase, kInfluxUser, kInfluxPass})
            if (!r.string(name)) r.fail(name, std::string("required when ") + kInfluxDbEnabled + " is true");
    }
}

void readPubsubMapping(PropertyReader& r, FocusConfig& c) {
    auto text = r.string(prop::kBridgePubsubMapping);
    if (!text) return;
    size_t start = 0;
    while (start <= text->size()) {
        size_t end = text->find(';', start);
        if (end == std::string::npos) end = text->size();
        std::string entry = javaTrim(text->substr(start, end - start));
        start = end + 1;
        if (entry.empty()) continue;  // "a:b;" has an empty last entry
        size_t colon = entry.find(':');
        auto jid = colon == std::string::npos ? std::nullopt : util::Jid::parse(entry.substr(0, colon));
        if (!jid || colon + 1 >= entry.size()) {
            r.fail(prop::kBridgePubsubMapping, quoteValue(entry) + " is not of the form bridge-jid:node");
            return;
        }
        c.bridgePubsubMapping.push_back({*jid, entry.substr(colon + 1)});
    }
}

void readBridges(PropertyReader& r, FocusConfig& c) {
    using namespace prop;
    c.serviceRediscoveryInterval = r.millis(kServiceRediscoveryInterval, Millis(30000));
    c.statsPubsubNode = r.string(kStatsPubsubNode);
    c.maxStatsReportAge = r.positiveMillis(kMaxStatsReportAge, Millis(15000));
    c.pubsubAddress = r.jid(kPubsubAddress);
    c.pubsubRetryInterval = r.positiveMillis(kPubsubRetryInterval, Millis(15000));
    readPubsubMapping(r, c);
    // Used in every configuration. The 2015 focus read it only with a pubsub mapping and used 0 otherwise, so
    // a failed bridge was retried at once (docs/media.md §1.4): a bug, not kept (README, differences).
    c.bridgeFailureResetThreshold = r.millis(kBridgeFailureResetThreshold, Millis(300000));
    c.bridgeHealthCheckInterval = r.millis(kBridgeHealthCheckInterval, Millis(10000));
    c.bridgeRequestTimeout = r.positiveMillis(kBridgeRequestTimeout, Millis(20000));
    const char* bridgeMucName = r.string(kBridgeMuc) ? kBridgeMuc : kBreweryJid;
    c.bridgeMuc = r.jid(bridgeMucName);
    if (c.bridgeMuc && (c.bridgeMuc->node().empty() || !c.bridgeMuc->isBare()))
        r.fail(bridgeMucName, quoteValue(c.bridgeMuc->str()) + " is not a room JID (room@muc-service)");
}

void readAuthAndHttp(PropertyReader& r, FocusConfig& c) {
    using namespace prop;
    c.authUrl = r.string(kAuthUrl);
    c.authLogoutUrl = r.string(kAuthLogoutUrl);
    c.disableAutologin = r.boolean(kDisableAutologin, false);
    c.authLifetime = r.positiveMillis(kAuthLifetime, Millis(86400000));
    c.httpPort = r.port(kHttpPort, 8888, true);
    c.httpHost = r.string(kHttpHost, kDefaultHttpHost);
    c.httpsPort = r.port(kHttpsPort, 8843, true);
    c.reservationBaseUrl = r.string(kReservationBaseUrl);
}

void readLogging(PropertyReader& r, FocusConfig& c) {
    using namespace prop;
    c.logLevel = r.string(kLogLevel);
    if (c.logLevel && !isLogLevelName(*c.logLevel))
        r.fail(kLogLevel,
               quoteValue(*c.logLevel) + " is not a log level (TRACE, DEBUG, INFO, WARNING, ERROR, FATAL)");
    c.logFile = r.string(kLogFile);
    c.loggingConfigFile = r.string(kLoggingConfigFile);
}

bool isKnownProperty(const std::string& name) {
    for (const auto* list : {&propertyCatalog(), &systemPropertyCatalog()})
        for (const auto& p : *list)
            if (name == p.name) return true;
    return name.rfind("org.jitsi.jicofo.auth.jetty.", 0) == 0;  // Jetty's own keys (sslContextFactory...)
}

}  // namespace

void readProperties(PropertyReader& reader, FocusConfig& cfg) {
    readXmpp(reader, cfg);
    readFocus(reader, cfg);
    readBridges(reader, cfg);
    readAuthAndHttp(reader, cfg);
    readLogging(reader, cfg);
}

void noteUnknownProperties(FocusConfig& cfg) {
    for (const auto& [name, value] : cfg.properties.file) {
        bool ours = name.rfind("org.jitsi.jicofo.", 0) == 0 || name.rfind("org.jitsi.focus.", 0) == 0;
        if (ours && !isKnownProperty(name))
            cfg.notes.push_back({ConfigNote::Level::warning, "Unknown property " + name + " ignored"});
    }
}

}  // namespace jicofo::config
