#include "app/FocusWiring.h"

#include <chrono>

#include "log/Log.h"
#include "protocol/focus/MuteIq.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/stanza/Namespaces.h"
#include "xmpp/PingResponder.h"

namespace jicofo::app {

std::string focusResource(const std::string& userName) {
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
    return userName + std::to_string(ns);
}

conference::FocusSettings focusSettings(const config::FocusConfig& c) {
    conference::FocusSettings s;
    s.focusUserJid = c.focusJid();
    s.nick = c.mucNickname();
    s.userHasPassword = !c.anonymousLogin();
    s.idleTimeout = c.idleTimeout;
    s.disableAutoOwner = c.disableAutoOwner;
    s.maxConferencesPerJid =
        c.maxConferencesPerJid <= 0 ? std::size_t(-1) : static_cast<std::size_t>(c.maxConferencesPerJid);
    s.iqTimeout = c.bridgeRequestTimeout;
    return s;
}

bridge::BridgeRegistrySettings bridgeSettings(const config::FocusConfig& c) {
    bridge::BridgeRegistrySettings s;
    s.domain = util::Jid::parse(c.xmppDomain).value_or(util::Jid());
    s.rediscoveryInterval = c.serviceRediscoveryInterval;
    s.healthCheckInterval = util::Duration(0);
    s.pubsubService = c.pubsubAddress;
    s.statsNode = c.statsPubsubNode;
    for (const auto& m : c.bridgePubsubMapping) s.statsNodes.push_back({m.bridge, m.node});
    s.maxStatsReportAge = c.maxStatsReportAge;
    s.pubsubRetryInterval = c.pubsubRetryInterval;
    return s;
}

std::optional<bridge::BrewerySettings> brewerySettings(const config::FocusConfig& c) {
    if (!c.bridgeMuc) return std::nullopt;
    bridge::BrewerySettings s;
    s.room = *c.bridgeMuc;
    s.nick = c.mucNickname();
    s.healthChecks = c.bridgeHealthCheckInterval > util::Duration::zero();
    if (s.healthChecks) s.healthInterval = c.bridgeHealthCheckInterval;
    s.healthTimeout = c.bridgeRequestTimeout;
    s.selection.failureResetThreshold = c.bridgeFailureResetThreshold;
    return s;
}

namespace {

bridge::ColibriExpiry::Settings expirySettings(const config::FocusConfig& c) {
    bridge::ColibriExpiry::Settings s;
    s.requestTimeout = c.bridgeRequestTimeout;
    return s;
}

xmpp::XmppStream::Config componentConfig(const config::FocusConfig& c) {
    auto cfg = xmpp::XmppStream::Config::component(c.host, static_cast<uint16_t>(c.port),
                                                   c.componentJid().str(), c.secret);
    cfg.writeLimits.stallTimeout = c.xmppWriteTimeout;
    return cfg;
}

xmpp::XmppStream::Config clientConfig(const config::FocusConfig& c) {
    auto cfg = xmpp::XmppStream::Config::client(
        c.hostname, static_cast<uint16_t>(c.focusUserPort), c.focusUserDomain, c.focusUserName,
        c.focusUserPassword.value_or(""), focusResource(c.focusUserName));
    cfg.trustAll = c.alwaysTrustMode;
    cfg.allowPlaintext = c.allowPlaintextPassword;
    cfg.writeLimits.stallTimeout = c.xmppWriteTimeout;
    return cfg;
}

}  // namespace

FocusWiring::FocusWiring(const config::FocusConfig& config, util::EventLoop& l,
                         std::function<void()> onShutdownIdle)
    : loop(l),
      component(componentConfig(config), loop, componentProxy),
      client(clientConfig(config), loop, clientProxy),
      proxy(config.clientProxy ? std::make_optional<xmpp::ClientProxyChannel>(client, *config.clientProxy)
                               : std::nullopt),
      componentSide(proxy ? static_cast<xmpp::StanzaChannel&>(*proxy) : component),
      componentRouter(componentSide, loop),
      clientRouter(client, loop),
      bridges(loop, client, clientRouter, bridgeSettings(config)),
      selector(config.bridgeFailureResetThreshold),
      expiries(loop, client, clientRouter, bridges, expirySettings(config)),
      colibri{loop, client, clientRouter, bridges, selector, expiries, config.bridgeRequestTimeout},
      media{colibri, bridges, util::Duration(5000), config.bridgeRequestTimeout},
      auth(config, loop),
      context{loop,
              componentSide,
              client,
              clientRouter,
              focusSettings(config),
              &media,
              auth.authority(),
              auth.reservations()},
      focus(context),
      componentService(componentRouter, focus, loop, config.shutdownAllowedJid, std::move(onShutdownIdle)),
      http(config.httpHost, config.httpPort),
      componentDispatch(
          componentRouter,
          [this] {
              if (!proxy) keepAlive->start();
          },
          [this] { keepAlive->stop(); }),
      clientDispatch(clientRouter, focus,
                     {[this] {
                          bridges.start();
                          if (brewery) brewery->start();
                          // Through a client_proxy, focus.DOMAIN is up whenever the focus user is.
                          if (proxy) componentDispatch.onConnected(proxy->localJid());
                      },
                      [this](const std::string& reason) {
                          bridges.stop();
                          if (brewery) brewery->stop();
                          if (proxy) componentDispatch.onDisconnected(reason);
                      },
                      [this](const xml::Element& m) { bridges.handleMessage(m); },
                      [this](const xml::Element& p) { return brewery && brewery->handlePresence(p); },
                      [this](const xml::Element& iq) { return takeProxiedIq(iq); }}) {
    if (auto s = brewerySettings(config)) {
        brewery = std::make_unique<bridge::Brewery>(loop, client, clientRouter, *s);
        bridge::Colibri2Expiry::Settings es;
        es.requestTimeout = config.bridgeRequestTimeout;
        colibri2Expiries = std::make_unique<bridge::Colibri2Expiry>(loop, client, clientRouter, *brewery, es);
        colibri2 = std::make_unique<bridge::Colibri2Context>(bridge::Colibri2Context{
            loop, client, clientRouter, *brewery, *colibri2Expiries, config.bridgeRequestTimeout});
        media.colibri2 = colibri2.get();
    }
    clientRouter.registerHandler<protocol::jingle::Jingle>(
        protocol::IqType::Set, "jingle", protocol::ns::kJingle,
        [this](const protocol::Iq& iq, const protocol::jingle::Jingle& j) {
            return focus.handleJingle(iq, j);
        });
    clientRouter.registerHandler<protocol::MuteIq>(
        protocol::IqType::Set, "mute", protocol::ns::kAudioMute,
        [this](const protocol::Iq& iq, const protocol::MuteIq& m) { return focus.handleMute(iq, m); });
    auth.attach(focus, componentRouter, http);
    xmpp::KeepAlive::Options ka;
    ka.target = util::Jid::parse(config.domain).value_or(util::Jid());
    ka.interval = config.pingInterval;
    ka.timeout = config.pingTimeout;
    ka.threshold = config.pingThreshold;
    keepAlive = std::make_unique<xmpp::KeepAlive>(
        componentRouter, component, loop, ka, [this](const std::string& why) { component.reconnect(why); });
    xmpp::installPingResponder(clientRouter);
    // The focus user's own disco#info (jicofo advertises terminate-restart there, docs/media.md §3.7).
    clientRouter.registerHandler(protocol::IqType::Get, "query", protocol::ns::kDiscoInfo,
                                 [](const protocol::Iq& iq) -> std::optional<protocol::Iq> {
                                     if (!iq.payload->attr("node").empty())
                                         return iq.errorReply(protocol::StanzaError::of("item-not-found"));
                                     return iq.result(ComponentService::discoInfo().toElement());
                                 });
    componentProxy.set(&componentDispatch);
    clientProxy.set(&clientDispatch);
}

bool FocusWiring::takeProxiedIq(const xml::Element& iq) {
    if (!proxy || !proxy->isProxied(iq)) return false;
    if (auto original = proxy->unwrap(iq))
        componentRouter.handle(std::move(*original));
    else
        JLOG(warning) << "client_proxy " << proxy->localJid().str() << ": dropped an IQ whose resource "
                      << "is not a sender's JID";
    return true;
}

}  // namespace jicofo::app
