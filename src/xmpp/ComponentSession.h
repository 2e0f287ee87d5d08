#pragma once
// XEP-0114 login of an external component (docs/protocol.md §3.1): stream in jabber:component:accept to the
// component's JID, then <handshake/> carrying hex(SHA-1(stream id + secret)).
#include <string>

#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/Connection.h"

namespace jicofo::xmpp {

class ComponentSession {
  public:
    struct Options {
        std::string jid;     // e.g. focus.example.com (--subdomain.--domain)
        std::string secret;  // --secret
        util::Duration timeout{20000};
    };

    // Lowercase hex SHA-1 of streamId + secret (XEP-0114 §3).
    static std::string handshakeDigest(const std::string& streamId, const std::string& secret);

    // Runs the login on a connected Connection; returns the component's JID. Throws XmppError: a refused
    // handshake says "component handshake refused: check --secret".
    static util::Jid login(Connection& connection, const Options& options);
};

}  // namespace jicofo::xmpp
