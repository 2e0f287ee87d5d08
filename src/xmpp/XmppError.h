#pragma once
// The error a connection or a login step throws inside the xmpp library. It never reaches domain code:
// XmppStream catches it, logs it and turns it into onDisconnected + a retry.
#include <stdexcept>
#include <string>

namespace jicofo::xmpp {

class XmppError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace jicofo::xmpp
