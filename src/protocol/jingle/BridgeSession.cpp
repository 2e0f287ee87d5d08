#include "protocol/jingle/BridgeSession.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

bool BridgeSession::isBridgeSession(const xml::Element& e) {
    return e.name() == "bridge-session" && e.ns() == ns::kFocus;
}

ParseResult<BridgeSession> BridgeSession::parse(const xml::Element& e) {
    if (!isBridgeSession(e)) return badRequest("not a <bridge-session> element");
    AttrReader r(e);
    BridgeSession b;
    b.id = r.str("id");
    b.region = r.str("region");
    b.restart = r.boolean("restart");
    if (r.failed()) return r.error();
    b.extra = r.unread();
    return b;
}

xml::Element BridgeSession::toElement() const {
    xml::Element e("bridge-session", ns::kFocus);
    if (!id.empty()) e.setAttr("id", id);
    if (!region.empty()) e.setAttr("region", region);
    if (restart) e.setAttr("restart", boolText(*restart));
    writeAttributes(e, extra);
    return e;
}

}  // namespace jicofo::protocol::jingle
