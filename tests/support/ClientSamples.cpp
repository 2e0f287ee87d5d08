#include "support/ClientSamples.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::test {

const std::vector<std::string>& clientFeatures2015() {
    static const std::vector<std::string> features = {"http://jabber.org/protocol/caps",
                                                      "http://jitsi.org/meet/lipsync",
                                                      "urn:ietf:rfc:4588",
                                                      "urn:ietf:rfc:5761",
                                                      "urn:ietf:rfc:5888",
                                                      "urn:xmpp:jingle:1",
                                                      "urn:xmpp:jingle:apps:dtls:0",
                                                      "urn:xmpp:jingle:apps:rtp:1",
                                                      "urn:xmpp:jingle:apps:rtp:audio",
                                                      "urn:xmpp:jingle:apps:rtp:video",
                                                      "urn:xmpp:jingle:transports:dtls-sctp:1",
                                                      "urn:xmpp:jingle:transports:ice-udp:1",
                                                      "urn:xmpp:rayo:client:1"};
    return features;
}

const protocol::EntityCaps& clientCaps2015() {
    static const protocol::EntityCaps caps{"sha-1", "http://jitsi.org/jitsimeet",
                                           "bInwKC/7Lt0uq2Y1/f66QQKgRS4="};
    return caps;
}

xml::Element mucOccupantPresence(const std::string& room, const std::string& nick, const std::string& realJid,
                                 const std::string& affiliation, const std::string& role,
                                 const std::vector<int>& codes, bool unavailable) {
    xml::Element p("presence", protocol::ns::kClient);
    p.setAttr("from", room + "/" + nick);
    p.setAttr("to", "focus@auth.example.com/focus1");
    if (unavailable) p.setAttr("type", "unavailable");
    auto& x = p.addChild("x", protocol::ns::kMucUser);
    auto& item = x.addChild("item");
    item.setAttr("affiliation", affiliation);
    item.setAttr("role", unavailable ? "none" : role);
    if (!realJid.empty()) item.setAttr("jid", realJid);
    for (int c : codes) x.addChild("status").setAttr("code", std::to_string(c));
    return p;
}

}  // namespace jicofo::test
