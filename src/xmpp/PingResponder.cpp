#include "xmpp/PingResponder.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::xmpp {

void installPingResponder(IqRouter& router) {
    router.registerHandler(
        protocol::IqType::Get, "ping", protocol::ns::kPing,
        [](const protocol::Iq& request) { return std::optional<protocol::Iq>(request.result()); });
}

}  // namespace jicofo::xmpp
