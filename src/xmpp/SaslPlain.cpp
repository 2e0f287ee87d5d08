#include "xmpp/SaslPlain.h"

namespace jicofo::xmpp {

std::optional<std::string> SaslPlain::initialResponse() {
    // authzid (empty) NUL authcid NUL passwd
    std::string msg;
    msg += '\0';
    msg += user_;
    msg += '\0';
    msg += password_;
    return msg;
}

util::Result<std::string, SaslError> SaslPlain::respond(const std::string&) {
    return SaslError{"PLAIN got an unexpected challenge"};
}

util::Result<bool, SaslError> SaslPlain::finish(const std::string&) {
    return true;
}

}  // namespace jicofo::xmpp
