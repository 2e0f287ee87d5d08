#pragma once
// The seam between the domain code and an XMPP stream (docs/architecture.md): the real streams implement it,
// logic tests use a fake. Stanzas are elements in the jabber:client namespace whichever stream carries them.
#include <functional>
#include <string>

#include "util/Jid.h"
#include "xml/Element.h"

namespace jicofo::xmpp {

class StanzaChannel {
  public:
    virtual ~StanzaChannel() = default;
    // Thread-safe. When the stream is down the stanza is dropped (with a debug log line): callers that need
    // an answer use IqRouter, whose requests then fail instead of waiting forever.
    virtual void send(const xml::Element& stanza) = 0;
    virtual bool isConnected() const = 0;
    // The component's domain, or the client's bound full JID (empty until bound).
    virtual util::Jid localJid() const = 0;
};

// Events of a stream, delivered on the focus loop thread.
class ChannelListener {
  public:
    virtual ~ChannelListener() = default;
    virtual void onConnected(const util::Jid& localJid) = 0;
    virtual void onDisconnected(const std::string& reason) = 0;
    virtual void onStanza(const xml::Element& stanza) = 0;
    // How a stream delivers: the stanza is handed over, so a listener that routes it may move from it (the
    // IqRouter moves an IQ's payload out instead of copying it). By default it is read like any other.
    virtual void takeStanza(xml::Element&& stanza) { onStanza(stanza); }
};

}  // namespace jicofo::xmpp
