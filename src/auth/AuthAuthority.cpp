#include "auth/AuthAuthority.h"

#include <algorithm>

#include "log/Log.h"
#include "protocol/focus/FocusErrors.h"

namespace jicofo::auth {

using protocol::StanzaError;

AuthAuthority::AuthAuthority(util::Loop& loop, const AuthSettings& settings)
    : disableAutologin_(settings.disableAutologin),
      sessions_(loop, settings.lifetime, settings.maxSessionsPerIdentity,
                [this](const AuthSession& s) { notifyDestroyed(s); }) {}

AuthCheck AuthAuthority::checkConferenceRequest(const util::Jid& from, const util::Jid& room,
                                                const protocol::ConferenceIq& request) {
    if (!request.sessionId) return checkWithoutSession(from, room, request);
    AuthSession* session = sessions_.find(*request.sessionId);
    if (!session) {
        JLOG_ROOM(info, room.str()) << from.str() << " sent an unknown or expired session id";
        return protocol::focus_errors::sessionInvalid();
    }
    // The id alone is not enough: it must come from the browser it was created for.
    if (!request.machineUid || *request.machineUid != session->machineUid) {
        JLOG_ROOM(warning, room.str())
            << from.str() << " used session " << session->shortId() << " with another machine UID";
        return StanzaError::of("not-acceptable", "machine UID mismatch or empty");
    }
    return bindAndGrant(*session, from, room);
}

AuthCheck AuthAuthority::authorizeConferenceRequest(const util::Jid& from, const util::Jid& room,
                                                    const protocol::ConferenceIq& request, bool roomExists) {
    AuthCheck check = checkConferenceRequest(from, room, request);
    if (!check) return check;
    if (!roomExists && !isAuthenticated(from)) {
        JLOG_ROOM(info, room.str()) << from.str() << " may not create the room: not authenticated";
        return StanzaError::of("not-authorized");
    }
    return check;
}

AuthCheck AuthAuthority::checkWithoutSession(const util::Jid&, const util::Jid&,
                                             const protocol::ConferenceIq&) {
    return AuthGrant{};
}

AuthGrant AuthAuthority::bindAndGrant(AuthSession& session, const util::Jid& from, const util::Jid& room) {
    sessions_.bind(session, from);
    AuthGrant grant{session.id, session.identity};
    JLOG_ROOM(info, room.str()) << "auth session " << session.shortId() << " (" << session.identity
                                << ") bound to " << from.str();
    const util::Jid bound = from;
    forEachListener([&](AuthListener& l) {
        // A listener may have logged the session out (or a conference ended with DISABLE_AUTOLOGIN).
        if (const AuthSession* still = sessions_.find(*grant.sessionId))
            l.onSessionBound(*still, bound, room);
    });
    return grant;
}

protocol::ParseResult<protocol::LoginUrlIq> AuthAuthority::handleLoginUrl(const protocol::LoginUrlIq& request,
                                                                          const util::Jid& from) const {
    if (!request.room) return StanzaError::of("not-acceptable");
    if (!request.machineUid)
        return StanzaError::of("bad-request", "missing mandatory attribute 'machineUID'");
    protocol::LoginUrlIq answer;
    answer.url = loginUrl(*request.machineUid, from, *request.room, request.isPopup());
    return answer;
}

protocol::ParseResult<protocol::LogoutIq> AuthAuthority::handleLogout(const protocol::LogoutIq& request,
                                                                      const util::Jid& from) {
    const AuthSession* session = request.sessionId ? sessions_.find(*request.sessionId) : nullptr;
    if (!session) return protocol::focus_errors::sessionInvalid();
    protocol::LogoutIq answer;
    answer.logoutUrl = logoutUrl(*session);
    JLOG(info) << from.str() << " logged out auth session " << session->shortId() << " of "
               << session->identity;
    sessions_.destroy(*request.sessionId);
    return answer;
}

void AuthAuthority::onConferenceEnded(const util::Jid& room) {
    if (!disableAutologin_) return;
    size_t n = sessions_.destroyRoom(room);
    if (n) JLOG_ROOM(info, room.str()) << "dropped " << n << " auth session(s) with the conference";
}

void AuthAuthority::addListener(AuthListener* listener) {
    if (std::find(listeners_.begin(), listeners_.end(), listener) == listeners_.end())
        listeners_.push_back(listener);
}

void AuthAuthority::removeListener(AuthListener* listener) {
    listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), listener), listeners_.end());
}

void AuthAuthority::notifyDestroyed(const AuthSession& session) {
    forEachListener([&](AuthListener& l) { l.onSessionDestroyed(session); });
}

void AuthAuthority::forEachListener(const std::function<void(AuthListener&)>& fn) {
    // Iterate a copy, skipping any listener removed meanwhile: a callback may end a conference, which
    // unregisters its listener.
    for (AuthListener* l : std::vector<AuthListener*>(listeners_))
        if (std::find(listeners_.begin(), listeners_.end(), l) != listeners_.end()) fn(*l);
}

}  // namespace jicofo::auth
