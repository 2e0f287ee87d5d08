#include "protocol/focus/MuteIq.h"

#include <strings.h>

#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol {

ParseResult<MuteIq> MuteIq::parse(const xml::Element& e) {
    if (e.name() != "mute" || e.ns() != ns::kAudioMute)
        return StanzaError::of("bad-request", "expected <mute xmlns='http://jitsi.org/jitmeet/audio'>");
    MuteIq out;
    const std::string& jid = e.attr("jid");
    if (!jid.empty()) {
        auto parsed = util::Jid::parse(jid);
        if (!parsed) return StanzaError::of("bad-request", "'jid' is not a JID");
        out.jid = *parsed;
    }
    const std::string& text = e.text();
    if (text.size() > kMaxTextLength) return StanzaError::of("bad-request", "mute text too long");
    if (!text.empty()) out.mute = strcasecmp(text.c_str(), "true") == 0;
    return out;
}

xml::Element MuteIq::toElement() const {
    xml::Element e("mute", ns::kAudioMute);
    if (jid) e.setAttr("jid", jid->str());
    if (mute) e.setText(*mute ? "true" : "false");
    return e;
}

}  // namespace jicofo::protocol
