#pragma once
// Where the stanzas of each stream go, on the focus loop.
#include <functional>

#include "conference/FocusManager.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::app {

// focus.DOMAIN: IQs only; messages and presences are ignored as in 2015 (docs/protocol.md §3.1).
class ComponentDispatch : public xmpp::ChannelListener {
  public:
    ComponentDispatch(xmpp::IqRouter& router, std::function<void()> onUp, std::function<void()> onDown)
        : router_(router), onUp_(std::move(onUp)), onDown_(std::move(onDown)) {}
    void onConnected(const util::Jid& jid) override;
    void onDisconnected(const std::string& reason) override;
    void onStanza(const xml::Element& stanza) override;
    void takeStanza(xml::Element&& stanza) override;

  private:
    xmpp::IqRouter& router_;
    std::function<void()> onUp_, onDown_;
};

// focus@auth.DOMAIN: IQs (MUC admin/owner replies, Jingle, Colibri, disco), MUC presences (the brewery's
// first), PubSub messages.
class ClientDispatch : public xmpp::ChannelListener {
  public:
    struct Hooks {
        std::function<void()> connected;
        std::function<void(const std::string&)> disconnected;
        std::function<void(const xml::Element&)> message;  // may be empty
        // Sees every presence first; true consumes it (the brewery's). May be empty.
        std::function<bool(const xml::Element&)> presence;
        // Sees every IQ first; true consumes it (those for focus.DOMAIN through a client_proxy). May be
        // empty.
        std::function<bool(const xml::Element&)> iq;
    };
    ClientDispatch(xmpp::IqRouter& router, conference::FocusManager& focus, Hooks hooks)
        : router_(router), focus_(focus), hooks_(std::move(hooks)) {}
    void onConnected(const util::Jid& jid) override;
    void onDisconnected(const std::string& reason) override;
    void onStanza(const xml::Element& stanza) override;
    void takeStanza(xml::Element&& stanza) override;

  private:
    xmpp::IqRouter& router_;
    conference::FocusManager& focus_;
    Hooks hooks_;
};

}  // namespace jicofo::app
