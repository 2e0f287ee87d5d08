#include "bench/Client2015.h"

#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"
#include "support/ClientSamples.h"

namespace jicofo::bench {

namespace jingle = protocol::jingle;

xml::Element joinPresence(const util::Jid& occupant, bool caps) {
    xml::Element p = protocol::makePresence(occupant);
    p.addChild("x", protocol::ns::kMuc);
    if (caps)
        p.children().push_back(
            test::clientCaps2015().toElement());  // the hash of clientDiscoInfo()'s features
    p.addChild("user-agent", "http://jitsi.org/jitmeet/user-agent")
        .setText(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/47.0 "
            "Safari/537.36");
    auto& devices = p.addChild("devices", protocol::ns::kClient);
    devices.addChild("audio").setText("true");
    devices.addChild("video").setText("true");
    p.addChild("nick", "http://jabber.org/protocol/nick").setText(occupant.resource());
    p.addChild("audiomuted", "http://jitsi.org/jitmeet/audio").setText("false");
    p.addChild("videoType", "http://jitsi.org/jitmeet/video").setText("camera");
    p.addChild("videomuted", "http://jitsi.org/jitmeet/video").setText("false");
    return p;
}

protocol::DiscoInfo clientDiscoInfo() {
    protocol::DiscoInfo info;
    info.node = test::clientCaps2015().node + "#" + test::clientCaps2015().ver;
    info.features = test::clientFeatures2015();
    return info;
}

jingle::Jingle sessionAcceptFor(const jingle::Jingle& offer, uint32_t audioSsrc, uint32_t videoSsrc,
                                const std::string& responder) {
    jingle::Jingle j;
    j.action = jingle::JingleAction::SessionAccept;
    j.sid = offer.sid;
    j.initiator = offer.initiator;
    j.responder = responder;
    j.group = offer.group;
    // One ICE agent for the bundle: the same credentials and certificate on every content.
    const std::string ufrag = "c" + std::to_string(audioSsrc % 100000);
    jingle::Fingerprint fp;
    fp.hash = "sha-256";
    fp.setup = "active";
    fp.value =
        "C3:31:E1:42:04:28:BB:71:AA:4D:C7:0F:00:86:CA:40:DA:AF:74:27:38:D0:36:C2:77:63:7F:AF:50:DA:4A:80";
    for (const auto& offered : offer.contents) {
        jingle::Content c;
        c.name = offered.name;
        c.creator = "responder";
        c.senders = offered.senders.empty() ? "both" : offered.senders;
        if (offered.description && (offered.name == "audio" || offered.name == "video")) {
            jingle::RtpDescription d = *offered.description;
            d.sources.clear();  // the offer lists the peers' and the bridge's sources, not ours
            d.groups.clear();
            uint32_t ssrc = offered.name == "audio" ? audioSsrc : videoSsrc;
            d.ssrc = std::to_string(ssrc);
            jingle::Source s = jingle::Source::make(ssrc);
            s.setParam("cname", "bench" + std::to_string(audioSsrc));
            s.setParam("msid", "stream-" + std::to_string(audioSsrc) + " track-" + std::to_string(ssrc));
            d.sources.push_back(s);
            c.description = d;
        }
        jingle::Transport t;
        t.ufrag = ufrag;
        t.pwd = "EFm/V1Rq5pJstphFRpGGYf1N";
        t.fingerprints.push_back(fp);
        if (offered.transport) t.sctpMaps = offered.transport->sctpMaps;
        c.transport = t;
        j.contents.push_back(c);
    }
    return j;
}

}  // namespace jicofo::bench
