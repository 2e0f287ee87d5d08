#include "protocol/colibri2/ForceMute.h"

#include "protocol/colibri2/Colibri2Namespaces.h"

namespace jicofo::protocol::colibri2 {

bool ForceMute::isForceMute(const xml::Element& e) {
    return e.name() == "force-mute" && e.ns() == ns::kColibri2;
}

ParseResult<ForceMute> ForceMute::parse(const xml::Element& e) {
    jingle::AttrReader r(e);
    ForceMute f;
    f.audio = r.boolean("audio").value_or(false);
    f.video = r.boolean("video").value_or(false);
    if (r.failed()) return r.error();
    f.extra = r.unread();
    return f;
}

xml::Element ForceMute::toElement() const {
    xml::Element e("force-mute", ns::kColibri2);
    e.setAttr("audio", jingle::boolText(audio));
    e.setAttr("video", jingle::boolText(video));
    jingle::writeAttributes(e, extra);
    return e;
}

}  // namespace jicofo::protocol::colibri2
