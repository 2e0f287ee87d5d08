#pragma once
// auth.URL = XMPP:<domain> (docs/protocol.md §2.3, §4.6): users logged in on <domain> get a new session with
// each conference IQ (machine-uid required), which they then present from an anonymous guest connection.
//
//   XmppDomainAuthority auth(loop, settings, "auth.example.com");
//   auth.checkConferenceRequest(alice_at_auth_example_com_slash_r, room, iq);  // → {sessionId, identity}
#include <string>

#include "auth/AuthAuthority.h"

namespace jicofo::auth {

class XmppDomainAuthority : public AuthAuthority {
  public:
    // domain is compared after ASCII case-folding, as JIDs are.
    XmppDomainAuthority(util::Loop& loop, const AuthSettings& settings, std::string domain);

    bool isExternal() const override { return false; }
    std::string describe() const override { return "XMPP:" + domain_; }
    const std::string& domain() const { return domain_; }

  protected:
    // "./<room local part>?login=true": the web app shows its own login form.
    std::string loginUrl(const std::string& machineUid, const util::Jid& from, const std::string& room,
                         bool popup) const override;
    std::optional<std::string> logoutUrl(const AuthSession&) const override { return std::nullopt; }
    AuthCheck checkWithoutSession(const util::Jid& from, const util::Jid& room,
                                  const protocol::ConferenceIq& request) override;

  private:
    std::string domain_;
};

}  // namespace jicofo::auth
