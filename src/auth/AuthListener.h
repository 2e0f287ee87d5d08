#pragma once
// Events of the authority for the room logic (docs/protocol.md §5.5): owner goes to members with a bound
// session. Called on the loop; a listener may query the authority but must not remove itself while being
// called.
#include "auth/AuthSession.h"
#include "util/Jid.h"

namespace jicofo::auth {

class AuthListener {
  public:
    virtual ~AuthListener() = default;
    // A conference IQ for `room` bound `session` to `fullJid` (session.boundJid == fullJid). If fullJid is a
    // member of a room (any room: the session may be used in another one than it was made for), the
    // conference grants it owner.
    virtual void onSessionBound(const AuthSession& session, const util::Jid& fullJid,
                                const util::Jid& room) = 0;
    // The session expired, was logged out or dropped with its room (DISABLE_AUTOLOGIN). Roles are never
    // revoked (§5.5), so most listeners only log this.
    virtual void onSessionDestroyed(const AuthSession& /*session*/) {}
};

}  // namespace jicofo::auth
