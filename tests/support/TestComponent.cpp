#include "support/TestComponent.h"

#include "xmpp/ComponentSession.h"

namespace jicofo::test {

TestComponent::TestComponent(const std::string& host, uint16_t port, const std::string& jid,
                             const std::string& secret)
    : TestEndpoint(true) {
    auto connection = std::make_unique<xmpp::Connection>();
    connection->connect(host, port, util::Duration(5000));
    util::Jid local = xmpp::ComponentSession::login(*connection, {jid, secret, util::Duration(10000)});
    begin(std::move(connection), local);
}

std::unique_ptr<TestComponent> TestComponent::bridge(const ProsodyFixture& prosody) {
    return std::make_unique<TestComponent>(prosody.host(), prosody.componentPort(), prosody.bridgeComponent(),
                                           prosody.bridgeSecret());
}

std::unique_ptr<TestComponent> TestComponent::focus(const ProsodyFixture& prosody) {
    return std::make_unique<TestComponent>(prosody.host(), prosody.componentPort(), prosody.focusComponent(),
                                           prosody.focusSecret());
}

}  // namespace jicofo::test
