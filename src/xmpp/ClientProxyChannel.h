#pragma once
// focus.DOMAIN as a Prosody client_proxy (docs/protocol.md §3.4): instead of logging in as an XEP-0114
// component, the focus lets Prosody forward every IQ sent to focus.DOMAIN to the focus user, with the
// original sender's full JID in the resource (from='focus.DOMAIN/alice@DOMAIN/web'), and answers to that same
// address; Prosody turns the answer back into one from focus.DOMAIN to the sender.
//
// This channel makes that look like the component stream to everything above it: unwrap() turns a forwarded
// IQ into the one the sender wrote (from the sender, to focus.DOMAIN), and send() addresses the answer back
// through the proxy over the focus user's stream. So the component's IqRouter and handlers (conference,
// login-url, logout, stats, …) are the same in both modes.
//
// Trust: only Prosody can send from focus.DOMAIN, so the resource is the sender Prosody authenticated; a
// stanza from anywhere else is never unwrapped (isProxied() is false) and stays a focus-user stanza.
#include <optional>

#include "xmpp/StanzaChannel.h"

namespace jicofo::xmpp {

class ClientProxyChannel : public StanzaChannel {
  public:
    // client: the focus user's stream. proxy: the client_proxy's domain (focus.DOMAIN).
    ClientProxyChannel(StanzaChannel& client, util::Jid proxy) : client_(client), proxy_(std::move(proxy)) {}

    // Addresses stanza (to the original sender) to proxy/sender and sends it over the focus user's stream;
    // its from is left to Prosody (the focus user's full JID), as the proxy expects.
    void send(const xml::Element& stanza) override;
    bool isConnected() const override { return client_.isConnected(); }
    // The proxy's domain: what the component's JID would be.
    util::Jid localJid() const override { return proxy_; }

    // True when stanza came through the proxy: from is proxy/<something>.
    bool isProxied(const xml::Element& stanza) const;
    // The stanza as its sender wrote it (from = the sender in the resource, to = the proxy's domain);
    // nullopt when the resource is not a full or bare JID (never from a real proxy).
    std::optional<xml::Element> unwrap(const xml::Element& stanza) const;

  private:
    StanzaChannel& client_;
    util::Jid proxy_;
};

}  // namespace jicofo::xmpp
