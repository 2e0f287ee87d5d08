#include "protocol/jingle/Fingerprint.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

ParseResult<Fingerprint> Fingerprint::parse(const xml::Element& e) {
    AttrReader r(e);
    Fingerprint f;
    f.hash = r.str("hash");
    f.setup = r.str("setup");
    f.required = r.boolean("required");
    if (r.failed()) return r.error();
    f.value = e.text();
    f.extra = r.unread();
    return f;
}

xml::Element Fingerprint::toElement() const {
    xml::Element e("fingerprint", ns::kDtls);
    if (!hash.empty()) e.setAttr("hash", hash);
    if (!setup.empty()) e.setAttr("setup", setup);
    if (required) e.setAttr("required", boolText(*required));
    writeAttributes(e, extra);
    e.setText(value);
    return e;
}

}  // namespace jicofo::protocol::jingle
