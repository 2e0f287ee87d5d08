#pragma once
// Names of the properties the focus reads (docs/protocol.md §2.2, docs/media.md §1, plus the ones new in the
// C++ port). One place, so the loader, the usage text and the sample-file test cannot drift apart.

namespace jicofo::config::prop {

// Set from the command line by the loader (as the 2015 Main did), overridable by the file.
inline constexpr const char* kHostname = "org.jitsi.jicofo.HOSTNAME";
inline constexpr const char* kXmppDomain = "org.jitsi.jicofo.XMPP_DOMAIN";
inline constexpr const char* kFocusUserDomain = "org.jitsi.jicofo.FOCUS_USER_DOMAIN";
inline constexpr const char* kFocusUserName = "org.jitsi.jicofo.FOCUS_USER_NAME";
inline constexpr const char* kFocusUserPassword = "org.jitsi.jicofo.FOCUS_USER_PASSWORD";

// XMPP connections.
inline constexpr const char* kFocusUserPort = "org.jitsi.jicofo.FOCUS_USER_PORT";                    // new
inline constexpr const char* kAlwaysTrustMode = "org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED";        // new
inline constexpr const char* kAllowPlaintextPassword = "org.jitsi.jicofo.ALLOW_PLAINTEXT_PASSWORD";  // new
inline constexpr const char* kPingInterval = "org.jitsi.jicofo.PING_INTERVAL";
inline constexpr const char* kPingTimeout = "org.jitsi.jicofo.PING_TIMEOUT";
inline constexpr const char* kPingThreshold = "org.jitsi.jicofo.PING_THRESHOLD";
inline constexpr const char* kXmppWriteTimeout = "org.jitsi.jicofo.XMPP_WRITE_TIMEOUT";  // new
inline constexpr const char* kShutdownAllowedJid = "org.jitsi.jicofo.SHUTDOWN_ALLOWED_JID";
// focus.DOMAIN as a Prosody client_proxy to the focus user instead of a component (Jicofo's HOCON-era name).
inline constexpr const char* kClientProxy = "jicofo.xmpp.client.client-proxy";  // new

// Focus.
inline constexpr const char* kIdleTimeout = "org.jitsi.focus.IDLE_TIMEOUT";
inline constexpr const char* kDisableAutoOwner = "org.jitsi.jicofo.DISABLE_AUTO_OWNER";
inline constexpr const char* kMaxConferencesPerJid = "org.jitsi.jicofo.MAX_CONFERENCES_PER_JID";  // new

// Bridges.
inline constexpr const char* kServiceRediscoveryInterval = "org.jitsi.jicofo.SERVICE_REDISCOVERY_INTERVAL";
inline constexpr const char* kStatsPubsubNode = "org.jitsi.jicofo.STATS_PUBSUB_NODE";
inline constexpr const char* kMaxStatsReportAge = "org.jitsi.jicofo.MAX_STATS_REPORT_AGE";
inline constexpr const char* kPubsubAddress = "org.jitsi.focus.pubsub.ADDRESS";
inline constexpr const char* kPubsubRetryInterval = "org.jitsi.focus.pubsub.RETRY_INTERVAL";
inline constexpr const char* kBridgePubsubMapping = "org.jitsi.focus.BRIDGE_PUBSUB_MAPPING";
inline constexpr const char* kBridgeFailureResetThreshold = "org.jitsi.focus.BRIDGE_FAILURE_RESET_THRESHOLD";
inline constexpr const char* kBridgeHealthCheckInterval =
    "org.jitsi.jicofo.BRIDGE_HEALTH_CHECK_INTERVAL";                                             // new
inline constexpr const char* kBridgeRequestTimeout = "org.jitsi.jicofo.BRIDGE_REQUEST_TIMEOUT";  // new
// The brewery room of modern (Colibri2) bridges: Jicofo's 2018–2020 property, and the HOCON-era name.
inline constexpr const char* kBridgeMuc = "org.jitsi.jicofo.BRIDGE_MUC";  // new
inline constexpr const char* kBreweryJid = "jicofo.bridge.brewery-jid";   // new

// Authentication.
inline constexpr const char* kAuthUrl = "org.jitsi.jicofo.auth.URL";
inline constexpr const char* kAuthLogoutUrl = "org.jitsi.jicofo.auth.LOGOUT_URL";
inline constexpr const char* kDisableAutologin = "org.jitsi.jicofo.auth.DISABLE_AUTOLOGIN";
inline constexpr const char* kAuthLifetime = "org.jitsi.jicofo.auth.AUTH_LIFETIME";

// HTTP (health, Shibboleth login); the names keep "jetty" for compatibility with 2015 files.
inline constexpr const char* kHttpPort = "org.jitsi.jicofo.auth.jetty.port";
inline constexpr const char* kHttpHost = "org.jitsi.jicofo.auth.jetty.host";
// new: loopback unless jetty.host is set (2015 bound every interface, login page and stats included).
inline constexpr const char* kDefaultHttpHost = "127.0.0.1";
inline constexpr const char* kHttpsPort = "org.jitsi.jicofo.auth.jetty.tls.port";

// Reservation, recording, InfluxDB.
inline constexpr const char* kReservationBaseUrl = "org.jitsi.impl.reservation.rest.BASE_URL";
inline constexpr const char* kMediaRecordingToken = "org.jitsi.videobridge.MEDIA_RECORDING_TOKEN";
inline constexpr const char* kInfluxDbEnabled = "org.jitsi.videobridge.log.INFLUX_DB_ENABLED";
inline constexpr const char* kInfluxUrlBase = "org.jitsi.videobridge.log.INFLUX_URL_BASE";
inline constexpr const char* kInfluxDatabase = "org.jitsi.videobridge.log.INFLUX_DATABASE";
inline constexpr const char* kInfluxUser = "org.jitsi.videobridge.log.INFLUX_USER";
inline constexpr const char* kInfluxPass = "org.jitsi.videobridge.log.INFLUX_PASS";

// Logging.
inline constexpr const char* kLogLevel = "org.jitsi.jicofo.log.LEVEL";  // new
inline constexpr const char* kLogFile = "org.jitsi.jicofo.log.FILE";    // new
inline constexpr const char* kLoggingConfigFile = "java.util.logging.config.file";

// Where the properties file is (system properties only: the file cannot name itself).
inline constexpr const char* kHomeDirLocation = "net.java.sip.communicator.SC_HOME_DIR_LOCATION";
inline constexpr const char* kHomeDirName = "net.java.sip.communicator.SC_HOME_DIR_NAME";
inline constexpr const char* kUserHome = "user.home";

}  // namespace jicofo::config::prop
