#include "protocol/focus/LoginUrlIq.h"

#include <algorithm>
#include <cctype>

#include "protocol/focus/FormEncoding.h"
#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol {
namespace {

std::optional<std::string> nonEmpty(const xml::Element& e, const char* name) {
    const std::string& v = e.attr(name);
    if (v.empty()) return std::nullopt;
    return v;
}

bool equalsIgnoreCase(const std::string& a, const char* b) {
    std::string lower(a);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == b;
}

}  // namespace

ParseResult<LoginUrlIq> LoginUrlIq::parse(const xml::Element& e) {
    if (e.name() != "login-url" || e.ns() != ns::kFocus)
        return StanzaError::of("bad-request", "expected <login-url xmlns='http://jitsi.org/protocol/focus'>");
    for (const auto& [k, v] : e.attributes())
        if (v.size() > (k == "url" ? kMaxEncodedLength : kMaxValueLength))
            return StanzaError::of("bad-request", "attribute '" + k + "' too long");
    LoginUrlIq out;
    out.room = nonEmpty(e, "room");
    out.machineUid = nonEmpty(e, "machine-uid");
    if (auto p = nonEmpty(e, "popup")) out.popup = equalsIgnoreCase(*p, "true");
    if (auto u = nonEmpty(e, "url")) {
        out.url = formDecode(*u);
        if (!out.url) return StanzaError::of("bad-request", "'url' is not form-encoded");
        if (out.url->size() > kMaxValueLength)
            return StanzaError::of("bad-request", "attribute 'url' too long");
    }
    return out;
}

xml::Element LoginUrlIq::toElement() const {
    xml::Element e("login-url", ns::kFocus);
    if (room) e.setAttr("room", *room);
    if (machineUid) e.setAttr("machine-uid", *machineUid);
    if (popup) e.setAttr("popup", *popup ? "true" : "false");
    if (url) e.setAttr("url", formEncode(*url));
    return e;
}

}  // namespace jicofo::protocol
