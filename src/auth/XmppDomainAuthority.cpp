#include "auth/XmppDomainAuthority.h"

#include <algorithm>
#include <cctype>

namespace jicofo::auth {

XmppDomainAuthority::XmppDomainAuthority(util::Loop& loop, const AuthSettings& settings, std::string domain)
    : AuthAuthority(loop, settings), domain_(std::move(domain)) {
    std::transform(domain_.begin(), domain_.end(), domain_.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
}

std::string XmppDomainAuthority::loginUrl(const std::string&, const util::Jid&, const std::string& room,
                                          bool) const {
    return "./" + room.substr(0, room.find('@')) + "?login=true";
}

AuthCheck XmppDomainAuthority::checkWithoutSession(const util::Jid& from, const util::Jid& room,
                                                   const protocol::ConferenceIq& request) {
    // "Bare JID ends with @<domain>": a user account on the auth domain, not the domain itself.
    if (from.node().empty() || from.domain() != domain_) return AuthGrant{};
    if (!request.machineUid)
        return protocol::StanzaError::of("not-acceptable", "Missing mandatory attribute 'machine-uid'");
    AuthSession& session = sessions().create(*request.machineUid, from.bareStr(), room);
    return bindAndGrant(session, from, room);
}

}  // namespace jicofo::auth
