#include "auth/AuthFactory.h"

#include <strings.h>

#include "auth/ShibbolethAuthority.h"
#include "auth/XmppDomainAuthority.h"
#include "util/Jid.h"

namespace jicofo::auth {
namespace {

constexpr const char* kXmppPrefix = "XMPP:";

}  // namespace

util::Result<std::unique_ptr<AuthAuthority>, AuthConfigError> createAuthority(util::Loop& loop,
                                                                              const AuthSettings& settings) {
    const std::string& url = settings.url;
    if (url.empty()) return std::unique_ptr<AuthAuthority>();
    if (url.size() >= 5 && strncasecmp(url.c_str(), kXmppPrefix, 5) == 0) {
        std::string domain = url.substr(5);
        auto jid = util::Jid::parse(domain);
        if (!jid || !jid->node().empty() || !jid->isBare())
            return AuthConfigError{"auth.URL '" + url + "': '" + domain + "' is not an XMPP domain"};
        return std::unique_ptr<AuthAuthority>(
            std::make_unique<XmppDomainAuthority>(loop, settings, jid->domain()));
    }
    std::string login =
        url == ShibbolethAuthority::kDefaultKeyword ? ShibbolethAuthority::kDefaultLoginPattern : url;
    std::optional<std::string> logout;
    if (settings.logoutUrl && !settings.logoutUrl->empty())
        logout = *settings.logoutUrl == ShibbolethAuthority::kDefaultKeyword
                     ? std::string(ShibbolethAuthority::kDefaultLogoutUrl)
                     : *settings.logoutUrl;
    if (auto bad = ShibbolethAuthority::validatePatterns(login, logout)) return AuthConfigError{*bad};
    return std::unique_ptr<AuthAuthority>(
        std::make_unique<ShibbolethAuthority>(loop, settings, login, logout));
}

}  // namespace jicofo::auth
