#include "xmpp/ClientProxyChannel.h"

#include "log/Log.h"

namespace jicofo::xmpp {

void ClientProxyChannel::send(const xml::Element& stanza) {
    auto to = util::Jid::parse(stanza.attr("to"));
    if (!to || to->empty()) {
        // Only answers to senders go out this way; the 2015 component never addressed anything else.
        JLOG(warning) << "client_proxy " << proxy_.str() << ": dropped a <" << stanza.name()
                      << "/> without an addressee";
        return;
    }
    xml::Element out = stanza;
    out.setAttr("to", proxy_.withResource(to->str()).str());
    out.removeAttr("from");
    client_.send(out);
}

bool ClientProxyChannel::isProxied(const xml::Element& stanza) const {
    auto from = util::Jid::parse(stanza.attr("from"));
    return from && from->node().empty() && from->domain() == proxy_.domain() && !from->isBare();
}

std::optional<xml::Element> ClientProxyChannel::unwrap(const xml::Element& stanza) const {
    if (!isProxied(stanza)) return std::nullopt;
    auto sender = util::Jid::parse(util::Jid::parse(stanza.attr("from"))->resource());
    if (!sender || sender->empty()) return std::nullopt;
    xml::Element in = stanza;
    in.setAttr("from", sender->str());
    in.setAttr("to", proxy_.str());
    return in;
}

}  // namespace jicofo::xmpp
