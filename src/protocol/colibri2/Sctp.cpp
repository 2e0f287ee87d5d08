#include "protocol/colibri2/Sctp.h"

#include <algorithm>
#include <cctype>

#include "protocol/colibri2/Colibri2Namespaces.h"

namespace jicofo::protocol::colibri2 {

namespace {

bool isRole(std::string role) {
    std::transform(role.begin(), role.end(), role.begin(), [](unsigned char c) { return std::tolower(c); });
    return role == "client" || role == "server";
}

}  // namespace

bool Sctp::isSctp(const xml::Element& e) {
    return e.name() == "sctp" && e.ns() == ns::kColibri2;
}

ParseResult<Sctp> Sctp::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    Sctp s;
    if (auto port = r.uint("port", 65535)) s.port = static_cast<uint16_t>(*port);
    s.role = r.str("role");
    if (e.hasAttr("role") && !isRole(s.role)) r.fail("<sctp> role='" + s.role + "' is not client or server");
    if (r.failed()) return r.error();
    s.extra = r.unread();
    return s;
}

xml::Element Sctp::toElement() const {
    xml::Element e("sctp", ns::kColibri2);
    if (port) e.setAttr("port", std::to_string(*port));
    if (!role.empty()) e.setAttr("role", role);
    jingle::writeAttributes(e, extra);
    return e;
}

Sctp Sctp::serverDefault() {
    Sctp s;
    s.port = 5000;
    s.role = "server";
    return s;
}

}  // namespace jicofo::protocol::colibri2
