#pragma once
// A real XMPP client for integration tests (participants, hostile clients), built on the focus's own
// ClientSession: STARTTLS (any certificate accepted), SASL, bind. Logs in in the constructor and throws
// xmpp::XmppError with the reason when it cannot.
//
//   auto alice = TestClient::anonymous(*prosody);            // alice->jid() = <random>@example.com/<res>
//   auto reply = alice->request(protocol::Iq::request(protocol::IqType::Get, focusJid, ping));
#include <memory>
#include <optional>
#include <string>

#include "support/ProsodyFixture.h"
#include "support/TestEndpoint.h"

namespace jicofo::test {

class TestClient : public TestEndpoint {
  public:
    struct Options {
        std::string host = "127.0.0.1";
        uint16_t port = 5222;
        std::string domain;
        std::string username, password;  // empty password => anonymous
        std::string resource;
        std::optional<int> presencePriority;  // initial presence; none by default
        bool trustAll = true;
        std::string caFile;
    };

    explicit TestClient(Options options);

    // Anonymous on DOMAIN (guest.DOMAIN with a secure domain), as a Jitsi Meet participant logs in.
    static std::unique_ptr<TestClient> anonymous(const ProsodyFixture& prosody);
    // user@domain with a password (domain defaults to auth.DOMAIN, where the focus user lives).
    static std::unique_ptr<TestClient> user(const ProsodyFixture& prosody, const std::string& username,
                                            const std::string& password, const std::string& domain = {});
};

}  // namespace jicofo::test
