#pragma once
// Any other auth.URL (docs/protocol.md §2.3, §4.6): an external (Shibboleth) login page. The conference IQ
// never creates sessions; the HTTP login handler does, with createSessionFromLogin().
//
//   ShibbolethAuthority auth(loop, settings, ShibbolethAuthority::kDefaultLoginPattern,
//                            std::string(ShibbolethAuthority::kDefaultLogoutUrl));
//   std::string id = auth.createSessionFromLogin("machine-1", "alice@example.com", room);  // on the loop
#include <optional>
#include <string>

#include "auth/AuthAuthority.h"

namespace jicofo::auth {

class ShibbolethAuthority : public AuthAuthority {
  public:
    static constexpr const char* kDefaultKeyword = "shibboleth:default";
    static constexpr const char* kDefaultLoginPattern = "login/?machineUID=%1$s&room=%3$s&close=%4$s";
    static constexpr const char* kDefaultLogoutUrl = "../Shibboleth.sso/Logout";

    // loginPattern: arguments 1 machine UID, 2 requester full JID, 3 room as sent, 4 popup ("true"/"false").
    // logoutPattern: argument 1 session id; none ⇒ logout answers carry no URL. Both must have passed
    // validatePatterns() (the factory does that).
    ShibbolethAuthority(util::Loop& loop, const AuthSettings& settings, std::string loginPattern,
                        std::optional<std::string> logoutPattern);

    // Why a pattern would fail to format, or nullopt when both are fine.
    static std::optional<std::string> validatePatterns(const std::string& loginPattern,
                                                       const std::optional<std::string>& logoutPattern);

    bool isExternal() const override { return true; }
    std::string describe() const override { return "Shibboleth " + loginPattern_; }

    // The login page saw `identity` (mail) log in from machineUid for room: reuses the session of that
    // (machine, identity), moving it to room and refreshing it, or creates one. Returns its id.
    std::string createSessionFromLogin(const std::string& machineUid, const std::string& identity,
                                       const util::Jid& room);

  protected:
    std::string loginUrl(const std::string& machineUid, const util::Jid& from, const std::string& room,
                         bool popup) const override;
    std::optional<std::string> logoutUrl(const AuthSession& session) const override;

  private:
    std::string loginPattern_;
    std::optional<std::string> logoutPattern_;
};

}  // namespace jicofo::auth
