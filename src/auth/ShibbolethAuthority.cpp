#include "auth/ShibbolethAuthority.h"

#include "auth/PositionalFormat.h"
#include "log/Log.h"

namespace jicofo::auth {

ShibbolethAuthority::ShibbolethAuthority(util::Loop& loop, const AuthSettings& settings,
                                         std::string loginPattern, std::optional<std::string> logoutPattern)
    : AuthAuthority(loop, settings),
      loginPattern_(std::move(loginPattern)),
      logoutPattern_(std::move(logoutPattern)) {}

std::optional<std::string> ShibbolethAuthority::validatePatterns(
    const std::string& loginPattern, const std::optional<std::string>& logoutPattern) {
    auto login = formatPositional(loginPattern, {"m", "j", "r", "p"});
    if (!login) return "auth.URL: " + login.error().message;
    if (logoutPattern) {
        auto logout = formatPositional(*logoutPattern, {"s"});
        if (!logout) return "auth.LOGOUT_URL: " + logout.error().message;
    }
    return std::nullopt;
}

std::string ShibbolethAuthority::createSessionFromLogin(const std::string& machineUid,
                                                        const std::string& identity, const util::Jid& room) {
    if (AuthSession* existing = sessions().findFor(machineUid, identity)) {
        existing->room = room;
        sessions().touch(*existing);
        JLOG_ROOM(info, room.str()) << identity << " logged in again, reusing auth session "
                                    << existing->shortId();
        return existing->id;
    }
    return sessions().create(machineUid, identity, room).id;
}

std::string ShibbolethAuthority::loginUrl(const std::string& machineUid, const util::Jid& from,
                                          const std::string& room, bool popup) const {
    auto url = formatPositional(loginPattern_, {machineUid, from.str(), room, popup ? "true" : "false"});
    // validatePatterns() ran at start; a pattern cannot turn bad later, but never send a half URL.
    return url ? url.value() : std::string();
}

std::optional<std::string> ShibbolethAuthority::logoutUrl(const AuthSession& session) const {
    if (!logoutPattern_) return std::nullopt;
    auto url = formatPositional(*logoutPattern_, {session.id});
    if (!url) return std::nullopt;
    return url.value();
}

}  // namespace jicofo::auth
