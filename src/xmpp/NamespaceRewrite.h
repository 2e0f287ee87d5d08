#pragma once
// Domain code only ever sees stanzas in jabber:client (StanzaChannel.h). A XEP-0114 component stream carries
// them in jabber:component:accept instead: the reader rewrites an incoming stanza in place (it owns it), and
// the writer renames an outgoing one while serialising it (xml::Writer::StanzaRewrite), so no tree is copied.
// Only elements in the stream namespace change; payloads (disco, colibri ...) keep theirs.
#include "xml/Element.h"

namespace jicofo::xmpp {

// e and its descendants reached through elements in ns `from` move to ns `to`.
void rewriteNamespace(xml::Element& e, const char* from, const char* to);
// Incoming on a component stream: jabber:component:accept -> jabber:client.
void toClientNamespace(xml::Element& stanza);

}  // namespace jicofo::xmpp
