#pragma once
// One SASL mechanism as the client side sees it (RFC 6120 §6): an optional initial response, then one
// response per server challenge, then the server's success data to check. Payloads are raw bytes; the
// session does the base64 framing. Errors are texts that end up in the login failure log line.
#include <memory>
#include <optional>
#include <string>

#include "util/Result.h"

namespace jicofo::xmpp {

struct SaslError {
    std::string text;
};

class SaslMechanism {
  public:
    virtual ~SaslMechanism() = default;
    virtual const char* name() const = 0;
    // Sent with <auth/>; nullopt sends no initial response, "" sends "=" (an empty one).
    virtual std::optional<std::string> initialResponse() = 0;
    virtual util::Result<std::string, SaslError> respond(const std::string& challenge) = 0;
    // Called with the data carried by <success/> (possibly empty). A mechanism that authenticates the
    // server (SCRAM) refuses a success it cannot verify.
    virtual util::Result<bool, SaslError> finish(const std::string& successData) = 0;
};

}  // namespace jicofo::xmpp
