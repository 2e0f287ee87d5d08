#pragma once
// SASL ANONYMOUS (RFC 4505): no credentials, the server assigns the JID (the focus without a password).
#include "xmpp/SaslMechanism.h"

namespace jicofo::xmpp {

class SaslAnonymous : public SaslMechanism {
  public:
    const char* name() const override { return "ANONYMOUS"; }
    // An empty trace token: some servers insist on an initial response.
    std::optional<std::string> initialResponse() override { return std::string(); }
    util::Result<std::string, SaslError> respond(const std::string&) override {
        return SaslError{"ANONYMOUS got an unexpected challenge"};
    }
    util::Result<bool, SaslError> finish(const std::string&) override { return true; }
};

}  // namespace jicofo::xmpp
