#pragma once
// Domain code only ever sees stanzas in jabber:client (StanzaChannel.h). A XEP-0114 component stream carries
// them in jabber:component:accept instead, so the component side rewrites the namespace both ways. Only
// elements in the stream namespace change; payloads (disco, colibri ...) keep theirs.
#include "xml/Element.h"

namespace jicofo::xmpp {

// e and its descendants reached through elements in ns `from` move to ns `to`.
void rewriteNamespace(xml::Element& e, const char* from, const char* to);
// Incoming on a component stream: jabber:component:accept -> jabber:client.
void toClientNamespace(xml::Element& stanza);
// Outgoing on a component stream: jabber:client -> jabber:component:accept.
void toComponentNamespace(xml::Element& stanza);

}  // namespace jicofo::xmpp
