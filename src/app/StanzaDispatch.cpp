#include "app/StanzaDispatch.h"

#include "log/Log.h"

namespace jicofo::app {

void ComponentDispatch::onConnected(const util::Jid& jid) {
    JLOG(info) << "component " << jid.str() << " is connected";
    if (onUp_) onUp_();
}

void ComponentDispatch::onDisconnected(const std::string& reason) {
    JLOG(warning) << "component stream lost: " << reason;
    router_.failAll(reason);
    if (onDown_) onDown_();
}

void ComponentDispatch::onStanza(const xml::Element& stanza) {
    if (stanza.name() == "iq") router_.handle(stanza);
}

void ComponentDispatch::takeStanza(xml::Element&& stanza) {
    if (stanza.name() == "iq") router_.handle(std::move(stanza));
}

void ClientDispatch::onConnected(const util::Jid& jid) {
    JLOG(info) << "focus user logged in as " << jid.str();
    focus_.onClientConnected();
    if (hooks_.connected) hooks_.connected();
}

void ClientDispatch::onDisconnected(const std::string& reason) {
    router_.failAll(reason);
    focus_.onClientDisconnected(reason);
    if (hooks_.disconnected) hooks_.disconnected(reason);
}

void ClientDispatch::onStanza(const xml::Element& stanza) {
    if (stanza.name() == "iq") {
        if (!hooks_.iq || !hooks_.iq(stanza)) router_.handle(stanza);
    } else if (stanza.name() == "presence") {
        if (!hooks_.presence || !hooks_.presence(stanza)) focus_.handlePresence(stanza);
    } else if (stanza.name() == "message" && hooks_.message)
        hooks_.message(stanza);
}

void ClientDispatch::takeStanza(xml::Element&& stanza) {
    // An IQ's payload moves on into the router (no copy); the rest is only read.
    if (stanza.name() != "iq") return onStanza(stanza);
    if (!hooks_.iq || !hooks_.iq(stanza)) router_.handle(std::move(stanza));
}

}  // namespace jicofo::app
