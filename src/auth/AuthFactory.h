#pragma once
// Builds the authority named by org.jitsi.jicofo.auth.URL (docs/protocol.md §2.3):
//   ""                    → none (the returned pointer is null)
//   "XMPP:<domain>"       → XmppDomainAuthority (prefix in any case; LOGOUT_URL ignored)
//   "shibboleth:default"  → ShibbolethAuthority with "login/?machineUID=%1$s&room=%3$s&close=%4$s"
//   anything else         → ShibbolethAuthority with that login-URL pattern
// LOGOUT_URL: "shibboleth:default" → "../Shibboleth.sso/Logout", other → pattern (%1$s = session id),
// unset → no logout URL.
//
//   auto made = auth::createAuthority(loop, settings);
//   if (!made) { /* fatal config error: made.error().message */ }
//   std::unique_ptr<auth::AuthAuthority> authority = std::move(made.value());  // may be null
#include <memory>
#include <string>

#include "auth/AuthAuthority.h"
#include "auth/AuthSettings.h"
#include "util/Loop.h"
#include "util/Result.h"

namespace jicofo::auth {

struct AuthConfigError {
    std::string message;
};

util::Result<std::unique_ptr<AuthAuthority>, AuthConfigError> createAuthority(util::Loop& loop,
                                                                              const AuthSettings& settings);

}  // namespace jicofo::auth
