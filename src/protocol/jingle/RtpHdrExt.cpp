#include "protocol/jingle/RtpHdrExt.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

ParseResult<RtpHdrExt> RtpHdrExt::parse(const xml::Element& e) {
    AttrReader r(e);
    RtpHdrExt h;
    auto id = r.uint("id", 4095, true);
    h.uri = r.str("uri", true);
    h.senders = r.str("senders");
    if (r.failed()) return r.error();
    h.id = static_cast<uint16_t>(*id);
    h.extra = r.unread();
    return h;
}

xml::Element RtpHdrExt::toElement() const {
    xml::Element e("rtp-hdrext", ns::kRtpHdrExt);
    e.setAttr("id", std::to_string(id));
    e.setAttr("uri", uri);
    if (!senders.empty()) e.setAttr("senders", senders);
    writeAttributes(e, extra);
    return e;
}

}  // namespace jicofo::protocol::jingle
