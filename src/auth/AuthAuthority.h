#pragma once
// An authentication authority (docs/protocol.md §2.3, §4.3 step 3, §4.6): the XMPP-domain one or the external
// (Shibboleth) one, with the session rules both share. Lives on the focus loop; every method is loop-only.
//
// Usage from the conference-IQ handler (FocusManager):
//
//   if (authority) {
//       auto check = authority->authorizeConferenceRequest(iq.from, roomJid, conferenceIq, roomExists);
//       if (!check) return iq.errorReply(check.error());      // session-invalid, not-acceptable,
//       not-authorized result.sessionId = check->sessionId;                  // only when a session was bound
//       result.identity = check->identity;
//   }
//   // login-url (no authority ⇒ service-unavailable) and logout (no authority ⇒ feature-not-implemented):
//   auto answer = authority->handleLoginUrl(*LoginUrlIq::parse(*iq.payload), iq.from);
//   send(answer ? iq.result(answer->toElement()) : iq.errorReply(answer.error()));
//   // owner on bind (§5.5): authority->addListener(&myListener);  conference end:
//   authority->onConferenceEnded(room)
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/AuthListener.h"
#include "auth/AuthSettings.h"
#include "auth/SessionStore.h"
#include "protocol/focus/ConferenceIq.h"
#include "protocol/focus/LoginUrlIq.h"
#include "protocol/focus/LogoutIq.h"
#include "protocol/stanza/StanzaError.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "util/Result.h"

namespace jicofo::auth {

// What a passed check puts into the conference result: both set when a session was bound, both empty when
// the request carried no session (and none was created).
struct AuthGrant {
    std::optional<std::string> sessionId;
    std::optional<std::string> identity;
};
using AuthCheck = util::Result<AuthGrant, protocol::StanzaError>;

class AuthAuthority {
  public:
    AuthAuthority(util::Loop& loop, const AuthSettings& settings);
    virtual ~AuthAuthority() = default;
    AuthAuthority(const AuthAuthority&) = delete;
    AuthAuthority& operator=(const AuthAuthority&) = delete;

    // true for Shibboleth: the `externalAuth` property of the conference result (§4.4).
    virtual bool isExternal() const = 0;
    virtual std::string describe() const = 0;  // for logs, e.g. "XMPP:auth.example.com"

    // §4.6 common check, on every conference IQ. session-id given: unknown ⇒ sessionInvalid(); machine-uid
    // differs or missing ⇒ not-acceptable 'machine UID mismatch or empty'; else bind to `from`, refresh,
    // notify listeners and grant. No session-id: authority specific (XMPP domain users get a new session).
    AuthCheck checkConferenceRequest(const util::Jid& from, const util::Jid& room,
                                     const protocol::ConferenceIq& request);
    // §4.3 step 3 as a whole: the check above, then not-authorized for a new room (!roomExists) when no
    // session is bound to `from`.
    AuthCheck authorizeConferenceRequest(const util::Jid& from, const util::Jid& room,
                                         const protocol::ConferenceIq& request, bool roomExists);

    // A session is bound to exactly this full JID.
    bool isAuthenticated(const util::Jid& fullJid) const { return sessions_.boundTo(fullJid) != nullptr; }
    const AuthSession* sessionForJid(const util::Jid& fullJid) const { return sessions_.boundTo(fullJid); }
    const AuthSession* session(const std::string& id) const { return sessions_.find(id); }
    size_t sessionCount() const { return sessions_.size(); }

    // login-url IQ: no room ⇒ not-acceptable; no machine-uid ⇒ bad-request "missing mandatory attribute
    // 'machineUID'"; else the answer with `url` (plain; toElement() encodes it).
    protocol::ParseResult<protocol::LoginUrlIq> handleLoginUrl(const protocol::LoginUrlIq& request,
                                                               const util::Jid& from) const;
    // logout IQ: unknown or missing session ⇒ sessionInvalid(); else the session is destroyed, whoever asks
    // (as in 2015: the id is the secret), and the answer carries the logout URL, if any.
    protocol::ParseResult<protocol::LogoutIq> handleLogout(const protocol::LogoutIq& request,
                                                           const util::Jid& from);

    // The focus conference of room ended: with DISABLE_AUTOLOGIN its sessions go.
    void onConferenceEnded(const util::Jid& room);

    void addListener(AuthListener* listener);
    void removeListener(AuthListener* listener);

  protected:
    virtual std::string loginUrl(const std::string& machineUid, const util::Jid& from,
                                 const std::string& room, bool popup) const = 0;
    virtual std::optional<std::string> logoutUrl(const AuthSession& session) const = 0;
    // A conference IQ without session-id. The default grants nothing.
    virtual AuthCheck checkWithoutSession(const util::Jid& from, const util::Jid& room,
                                          const protocol::ConferenceIq& request);

    // Binds session to from, refreshes it, tells the listeners; returns the grant for the result.
    AuthGrant bindAndGrant(AuthSession& session, const util::Jid& from, const util::Jid& room);
    SessionStore& sessions() { return sessions_; }

  private:
    void notifyDestroyed(const AuthSession& session);
    void forEachListener(const std::function<void(AuthListener&)>& fn);

    bool disableAutologin_;
    std::vector<AuthListener*> listeners_;
    SessionStore sessions_;  // after listeners_: its destroy callback reports to them
};

}  // namespace jicofo::auth
