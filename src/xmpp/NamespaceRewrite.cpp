#include "xmpp/NamespaceRewrite.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::xmpp {

void rewriteNamespace(xml::Element& e, const char* from, const char* to) {
    if (e.ns() != from) return;
    e.setNs(to);
    // Only descend through the stream namespace: a jabber:client element deep inside a foreign payload
    // (a forwarded message, say) is payload data and keeps its namespace.
    for (auto& c : e.children()) rewriteNamespace(c, from, to);
}

void toClientNamespace(xml::Element& stanza) {
    rewriteNamespace(stanza, protocol::ns::kComponent, protocol::ns::kClient);
}

}  // namespace jicofo::xmpp
