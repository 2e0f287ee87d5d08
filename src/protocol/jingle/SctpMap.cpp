#include "protocol/jingle/SctpMap.h"

#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

ParseResult<SctpMap> SctpMap::parse(const xml::Element& e) {
    AttrReader r(e);
    SctpMap m;
    auto number = r.uint("number", 65535, true);
    m.protocol = r.str("protocol");
    m.streams = r.uint("streams", UINT32_MAX);
    if (r.failed()) return r.error();
    m.number = static_cast<uint16_t>(*number);
    m.extra = r.unread();
    return m;
}

xml::Element SctpMap::toElement() const {
    xml::Element e("sctpmap", ns::kSctp);
    e.setAttr("number", std::to_string(number));
    if (!protocol.empty()) e.setAttr("protocol", protocol);
    if (streams) e.setAttr("streams", std::to_string(*streams));
    writeAttributes(e, extra);
    return e;
}

SctpMap SctpMap::webrtcDefault() {
    SctpMap m;
    m.number = 5000;
    m.protocol = "webrtc-datachannel";
    m.streams = 1024;
    return m;
}

}  // namespace jicofo::protocol::jingle
