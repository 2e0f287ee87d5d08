#include "protocol/jingle/StartMuted.h"

#include "protocol/jingle/AttrReader.h"
#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {
namespace {
bool isTrue(const std::string& v) {
    return v.size() == 4 && (v[0] == 't' || v[0] == 'T') && (v[1] == 'r' || v[1] == 'R') &&
           (v[2] == 'u' || v[2] == 'U') && (v[3] == 'e' || v[3] == 'E');
}
}  // namespace

bool StartMuted::isStartMuted(const xml::Element& e) {
    return e.name() == "startmuted" && e.ns() == ns::kStartMuted;
}

ParseResult<StartMuted> StartMuted::parse(const xml::Element& e) {
    if (!isStartMuted(e)) return badRequest("not a <startmuted> element");
    StartMuted s;
    s.audio = isTrue(e.attr("audio"));
    s.video = isTrue(e.attr("video"));
    return s;
}

xml::Element StartMuted::toElement() const {
    xml::Element e("startmuted", ns::kStartMuted);
    e.setAttr("audio", boolText(audio));
    e.setAttr("video", boolText(video));
    return e;
}

}  // namespace jicofo::protocol::jingle
