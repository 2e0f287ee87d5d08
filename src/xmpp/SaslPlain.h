#pragma once
// SASL PLAIN (RFC 4616): the password in clear text, so ClientSession offers it only over TLS.
#include "xmpp/SaslMechanism.h"

namespace jicofo::xmpp {

class SaslPlain : public SaslMechanism {
  public:
    SaslPlain(std::string user, std::string password)
        : user_(std::move(user)), password_(std::move(password)) {}
    const char* name() const override { return "PLAIN"; }
    std::optional<std::string> initialResponse() override;
    util::Result<std::string, SaslError> respond(const std::string& challenge) override;
    util::Result<bool, SaslError> finish(const std::string& successData) override;

  private:
    std::string user_, password_;
};

}  // namespace jicofo::xmpp
