#include "protocol/colibri/Recording.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::colibri {

ParseResult<Recording> Recording::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    Recording rec;
    rec.state = r.str("state");
    rec.token = r.str("token");
    rec.directory = r.str("directory");
    rec.extra = r.unread();
    return rec;
}

xml::Element Recording::toElement() const {
    xml::Element e("recording", jingle::ns::kColibri);
    if (!state.empty()) e.setAttr("state", state);
    if (!token.empty()) e.setAttr("token", token);
    if (!directory.empty()) e.setAttr("directory", directory);
    jingle::writeAttributes(e, extra);
    return e;
}

}  // namespace jicofo::protocol::colibri
