#pragma once
// Builds the focus's objects from the configuration and connects them (docs/architecture.md §3.1: app is the
// only place that builds objects). Owned by FocusApplication; the threads that run it are started there.
#include <memory>

#include "app/AuthWiring.h"
#include "app/ComponentService.h"
#include "app/HttpRoutes.h"
#include "app/StanzaDispatch.h"
#include "bridge/Brewery.h"
#include "bridge/BridgeRegistry.h"
#include "bridge/BridgeSelector.h"
#include "bridge/Colibri2Allocator.h"
#include "bridge/Colibri2Expiry.h"
#include "bridge/ColibriExpiry.h"
#include "conference/FocusManager.h"
#include "config/FocusConfig.h"
#include "util/EventLoop.h"
#include "xmpp/ClientProxyChannel.h"
#include "xmpp/IqRouter.h"
#include "xmpp/KeepAlive.h"
#include "xmpp/XmppStream.h"

namespace jicofo::app {

// XmppStream wants its listener at construction and the listener wants the stream's router: this forwards
// to a listener set once everything exists (before any stream runs).
class ListenerProxy : public xmpp::ChannelListener {
  public:
    void set(xmpp::ChannelListener* target) { target_ = target; }
    void onConnected(const util::Jid& jid) override { target_->onConnected(jid); }
    void onDisconnected(const std::string& reason) override { target_->onDisconnected(reason); }
    void onStanza(const xml::Element& stanza) override { target_->onStanza(stanza); }
    void takeStanza(xml::Element&& stanza) override { target_->takeStanza(std::move(stanza)); }

  private:
    xmpp::ChannelListener* target_ = nullptr;
};

struct FocusWiring {
    FocusWiring(const config::FocusConfig& config, util::EventLoop& loop,
                std::function<void()> onShutdownIdle);
    bool usesClientProxy() const { return proxy.has_value(); }
    // An IQ on the focus user's stream that came through the client_proxy goes to the component's router,
    // as its sender wrote it. False: not a proxied IQ.
    bool takeProxiedIq(const xml::Element& iq);

    util::EventLoop& loop;
    ListenerProxy componentProxy, clientProxy;
    xmpp::XmppStream component, client;
    // focus.DOMAIN as a client_proxy (jicofo.xmpp.client.client-proxy): the component stream is never run and
    // componentSide is the proxy over the focus user's stream; otherwise componentSide is the component.
    std::optional<xmpp::ClientProxyChannel> proxy;
    xmpp::StanzaChannel& componentSide;
    xmpp::IqRouter componentRouter, clientRouter;
    bridge::BridgeRegistry bridges;
    bridge::BridgeSelector selector;
    bridge::ColibriExpiry expiries;
    bridge::AllocatorContext colibri;
    conference::MediaContext media;
    // Modern (Colibri2) bridges in the brewery room, when BRIDGE_MUC is set, and what rooms use to allocate
    // on them (media.colibri2 points there). Declared before the conferences, which use them until they go.
    std::unique_ptr<bridge::Brewery> brewery;
    std::unique_ptr<bridge::Colibri2Expiry> colibri2Expiries;
    std::unique_ptr<bridge::Colibri2Context> colibri2;
    AuthWiring auth;  // authority and reservations: the context points at them
    conference::FocusContext context;
    conference::FocusManager focus;
    ComponentService componentService;
    // The one HTTP server (jetty.host/port): register routes here before FocusApplication starts it.
    HttpRoutes http;
    std::unique_ptr<xmpp::KeepAlive> keepAlive;
    ComponentDispatch componentDispatch;
    ClientDispatch clientDispatch;
};

// The focus user's resource: USER_NAME plus a nanosecond counter, as the 2015 focus (e.g.
// focus1446738123456789).
std::string focusResource(const std::string& userName);
conference::FocusSettings focusSettings(const config::FocusConfig& config);
// The registry's own health timer stays off: the Colibri allocator task ticks the checks (FocusApplication).
bridge::BridgeRegistrySettings bridgeSettings(const config::FocusConfig& config);
// The brewery of BRIDGE_MUC, joined as the focus user's MUC nickname; nullopt when unset.
std::optional<bridge::BrewerySettings> brewerySettings(const config::FocusConfig& config);

}  // namespace jicofo::app
