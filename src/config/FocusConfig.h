#pragma once
// Every setting of the focus, read once at start-up and validated (docs/protocol.md §1, §2; docs/media.md
// §1). Built by config::load() (ConfigLoader.h). Defaults below are the 2015 ones unless marked "new".
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/Properties.h"
#include "config/PropertyNames.h"
#include "util/Jid.h"

namespace jicofo::config {

using Millis = std::chrono::milliseconds;

// Something the loader wants logged once logging is set up (it runs before log::setup, so it cannot log).
struct ConfigNote {
    enum class Level { info, warning };
    Level level;
    std::string text;
};

// One entry of org.jitsi.focus.BRIDGE_PUBSUB_MAPPING (`jid:node;jid:node`).
struct BridgePubsubMapping {
    util::Jid bridge;
    std::string node;
};

struct FocusConfig {
    // --- Command line (§1). host/domain/port/subdomain/secret are used for the component connection as
    // given; the properties below (hostname, xmppDomain...) start from the flags but the file may override
    // them.
    std::string host = "localhost";         // --host: XMPP server of the component connection
    std::string domain;                     // --domain (falls back to host): component JID = subdomain.domain
    int port = 5347;                        // --port: XEP-0114 listener
    std::string subdomain = "focus";        // --subdomain
    std::string secret;                     // --secret, or $JICOFO_SECRET when the flag is absent
    std::optional<std::string> configFile;  // properties file read (or looked for, when it did not exist)
    bool daemon = false;                    // --daemon (new; for the packaging)
    std::optional<std::string> pidFile;     // --pidfile=FILE (new)
    bool helpRequested = false;  // --help / -h: print usage() and exit 0; nothing else below is filled in

    // --- XMPP.
    std::string hostname;                 // HOSTNAME: server of the focus-user connection
    std::string xmppDomain;               // XMPP_DOMAIN: where bridges and services are discovered
    std::string focusUserDomain;          // FOCUS_USER_DOMAIN
    std::string focusUserName = "focus";  // FOCUS_USER_NAME: user node and MUC nickname
    std::optional<std::string>
        focusUserPassword;                // FOCUS_USER_PASSWORD ($JICOFO_AUTH_PASSWORD); none => anonymous
    int focusUserPort = 5222;             // new (2015: hard-coded 5222)
    bool alwaysTrustMode = false;         // new: skip TLS certificate verification
    bool allowPlaintextPassword = false;  // new: allow SASL PLAIN without TLS
    Millis pingInterval{10000};           // <= 0 disables the component keep-alive
    Millis pingTimeout{5000};
    int pingThreshold = 3;
    Millis xmppWriteTimeout{20000};  // new: a server not reading our output this long loses the stream
    std::optional<util::Jid> shutdownAllowedJid;  // unset => graceful shutdown always forbidden
    // new: jicofo.xmpp.client.client-proxy, e.g. focus.example.com: that domain is a Prosody client_proxy to
    // the focus user, so no component login (and no --secret) is needed; unset = the 2015 component.
    std::optional<util::Jid> clientProxy;

    // --- Focus.
    Millis idleTimeout{15000};      // org.jitsi.focus.IDLE_TIMEOUT
    bool disableAutoOwner = false;  // DISABLE_AUTO_OWNER
    int maxConferencesPerJid = 50;  // new: per requester, 0 = no limit

    // --- Bridges.
    Millis serviceRediscoveryInterval{
        30000};  // <= 0 disables periodic re-scan (and the shared-node discovery)
    std::optional<std::string> statsPubsubNode;
    Millis maxStatsReportAge{15000};
    std::optional<util::Jid> pubsubAddress;  // org.jitsi.focus.pubsub.ADDRESS
    Millis pubsubRetryInterval{15000};
    std::vector<BridgePubsubMapping> bridgePubsubMapping;
    // 2015 quirk kept: the threshold (default 300000) is read only when BRIDGE_PUBSUB_MAPPING is set;
    // otherwise it is 0 and a failed bridge is eligible again at once (docs/media.md §1.4). This field holds
    // the effective value.
    Millis bridgeFailureResetThreshold{0};
    Millis bridgeHealthCheckInterval{10000};  // new; <= 0 disables
    Millis bridgeRequestTimeout{20000};  // new: the reply wait for Colibri and other IQs (2015: fixed 20 s)
    // new: BRIDGE_MUC (or jicofo.bridge.brewery-jid), e.g. jvbbrewery@internal.auth.example.com; unset = no
    // brewery (modern bridges are not looked for).
    std::optional<util::Jid> bridgeMuc;

    // --- Authentication (§2.3).
    std::optional<std::string> authUrl;
    std::optional<std::string> authLogoutUrl;
    bool disableAutologin = false;
    Millis authLifetime{86400000};

    // --- HTTP (health, login servlet), named after 2015's Jetty properties.
    int httpPort = 8888;  // 0 lets the system pick (tests)
    // Loopback unless jetty.host says otherwise (2015: every interface); "0.0.0.0" or "::" = every interface.
    std::string httpHost = prop::kDefaultHttpHost;
    int httpsPort = 8843;  // read for completeness; 2015 served HTTP only

    // --- Reservation, recording, InfluxDB.
    std::optional<std::string> reservationBaseUrl;
    std::optional<std::string> mediaRecordingToken;
    bool influxDbEnabled = false;
    std::optional<std::string> influxUrlBase;
    std::optional<std::string> influxDatabase;
    std::optional<std::string> influxUser;
    std::optional<std::string> influxPass;

    // --- Logging (new): give these to log::setup().
    std::optional<std::string> logLevel;           // org.jitsi.jicofo.log.LEVEL, validated
    std::optional<std::string> logFile;            // org.jitsi.jicofo.log.FILE
    std::optional<std::string> loggingConfigFile;  // java.util.logging.config.file (Boost.Log settings)

    Properties properties;          // raw layers, for keys not listed above
    std::vector<ConfigNote> notes;  // warnings and info lines produced while loading; log them after set-up

    // Derived values. JIDs are case-folded by util::Jid; load() has checked that they parse.
    util::Jid componentJid() const {
        return util::Jid::parse(subdomain + "." + domain).value_or(util::Jid());
    }
    util::Jid focusJid() const {
        return util::Jid::parse(focusUserName + "@" + focusUserDomain).value_or(util::Jid());
    }
    const std::string& mucNickname() const { return focusUserName; }
    bool anonymousLogin() const { return !focusUserPassword; }
};

}  // namespace jicofo::config
