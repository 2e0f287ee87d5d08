#include "support/SessionAccept.h"

namespace jicofo::test {

namespace jingle = protocol::jingle;

jingle::Jingle sessionAcceptFor(const jingle::Jingle& offer, uint32_t audioSsrc, uint32_t videoSsrc,
                                const std::string& responder) {
    jingle::Jingle j;
    j.action = jingle::JingleAction::SessionAccept;
    j.sid = offer.sid;
    j.initiator = offer.initiator;
    j.responder = responder;
    for (const auto& c : offer.contents) {
        jingle::Content content;
        content.name = c.name;
        content.creator = "responder";
        content.senders = c.senders;
        if (c.description && (c.name == "audio" || c.name == "video")) {  // data: transport only
            jingle::RtpDescription d = *c.description;
            d.sources.clear();
            d.groups.clear();
            d.sources.push_back(jingle::Source::make(c.name == "audio" ? audioSsrc : videoSsrc));
            content.description = d;
        }
        jingle::Transport t;
        t.ufrag = "Zq4k";
        t.pwd = "p9Xr2lVd0sWm1bNc7hGf3tQe";
        jingle::Fingerprint fp;
        fp.hash = "sha-256";
        fp.setup = "active";
        fp.value = "4A:0B:9C";
        t.fingerprints.push_back(fp);
        content.transport = t;
        j.contents.push_back(content);
    }
    return j;
}

}  // namespace jicofo::test
