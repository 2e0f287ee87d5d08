#include "protocol/focus/LogoutIq.h"

#include "protocol/focus/FormEncoding.h"
#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol {

ParseResult<LogoutIq> LogoutIq::parse(const xml::Element& e) {
    if (e.name() != "logout" || e.ns() != ns::kFocus)
        return StanzaError::of("bad-request", "expected <logout xmlns='http://jitsi.org/protocol/focus'>");
    for (const auto& [k, v] : e.attributes())
        if (v.size() > (k == "logout-url" ? kMaxEncodedLength : kMaxValueLength))
            return StanzaError::of("bad-request", "attribute '" + k + "' too long");
    LogoutIq out;
    if (!e.attr("session-id").empty()) out.sessionId = e.attr("session-id");
    if (!e.attr("logout-url").empty()) {
        out.logoutUrl = formDecode(e.attr("logout-url"));
        if (!out.logoutUrl) return StanzaError::of("bad-request", "'logout-url' is not form-encoded");
        if (out.logoutUrl->size() > kMaxValueLength)
            return StanzaError::of("bad-request", "attribute 'logout-url' too long");
    }
    return out;
}

xml::Element LogoutIq::toElement() const {
    xml::Element e("logout", ns::kFocus);
    if (sessionId) e.setAttr("session-id", *sessionId);
    if (logoutUrl) e.setAttr("logout-url", formEncode(*logoutUrl));
    return e;
}

}  // namespace jicofo::protocol
