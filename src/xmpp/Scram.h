#pragma once
// SASL SCRAM-SHA-1 (RFC 5802), client side, without channel binding ("n,,"). Preferred over PLAIN: the
// password never crosses the wire, and the server proves it knows the password too (its signature in the
// final message is checked; a server that cannot prove it is refused).
#include "xmpp/SaslMechanism.h"

namespace jicofo::xmpp {

class ScramSha1 : public SaslMechanism {
  public:
    // clientNonce empty => 24 random bytes, base64 (tests pass the RFC's fixed nonce).
    ScramSha1(std::string user, std::string password, std::string clientNonce = {});

    const char* name() const override { return "SCRAM-SHA-1"; }
    // client-first-message: "n,,n=<user>,r=<nonce>"
    std::optional<std::string> initialResponse() override;
    // server-first-message in, client-final-message out; later challenges carry the server-final message
    // (some servers send it as a challenge instead of inside <success/>), answered with an empty response.
    util::Result<std::string, SaslError> respond(const std::string& challenge) override;
    util::Result<bool, SaslError> finish(const std::string& successData) override;

    // "=" and "," in a user name are escaped as the RFC requires ("=3D", "=2C").
    static std::string escapeName(const std::string& user);

  private:
    util::Result<std::string, SaslError> clientFinal(const std::string& serverFirst);
    util::Result<bool, SaslError> verifyServerFinal(const std::string& serverFinal);

    enum class Step { Start, SentFirst, SentFinal, Verified };
    std::string user_, password_, nonce_;
    std::string clientFirstBare_;
    std::string expectedServerSignature_;  // raw bytes
    Step step_ = Step::Start;
};

}  // namespace jicofo::xmpp
