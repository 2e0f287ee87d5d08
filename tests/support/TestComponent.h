#pragma once
// A real XEP-0114 component for integration tests (the bridge simulator, fake Jigasi/Jirecon): logs in in
// the constructor (throws xmpp::XmppError when refused) and offers TestEndpoint's synchronous API. Stanzas
// are seen and sent in jabber:client like everywhere else; the 'from' of outgoing stanzas defaults to the
// component's JID.
#include <memory>
#include <string>

#include "support/ProsodyFixture.h"
#include "support/TestEndpoint.h"

namespace jicofo::test {

class TestComponent : public TestEndpoint {
  public:
    TestComponent(const std::string& host, uint16_t port, const std::string& jid, const std::string& secret);

    // jitsi-videobridge.DOMAIN with its secret.
    static std::unique_ptr<TestComponent> bridge(const ProsodyFixture& prosody);
    // focus.DOMAIN with its secret (tests that play the focus's part).
    static std::unique_ptr<TestComponent> focus(const ProsodyFixture& prosody);
};

}  // namespace jicofo::test
