#pragma once
// Namespace URIs used on the wire, in one place.
namespace jicofo::protocol::ns {

inline constexpr const char* kClient = "jabber:client";
inline constexpr const char* kComponent = "jabber:component:accept";
inline constexpr const char* kStream = "http://etherx.jabber.org/streams";
inline constexpr const char* kStanzas = "urn:ietf:params:xml:ns:xmpp-stanzas";
inline constexpr const char* kFocus = "http://jitsi.org/protocol/focus";
inline constexpr const char* kColibri = "http://jitsi.org/protocol/colibri";
inline constexpr const char* kDiscoInfo = "http://jabber.org/protocol/disco#info";
inline constexpr const char* kDiscoItems = "http://jabber.org/protocol/disco#items";
inline constexpr const char* kPing = "urn:xmpp:ping";
inline constexpr const char* kLast = "jabber:iq:last";
inline constexpr const char* kTime = "urn:xmpp:time";
inline constexpr const char* kCaps = "http://jabber.org/protocol/caps";
inline constexpr const char* kMuc = "http://jabber.org/protocol/muc";
inline constexpr const char* kMucUser = "http://jabber.org/protocol/muc#user";
inline constexpr const char* kMucOwner = "http://jabber.org/protocol/muc#owner";
inline constexpr const char* kMucAdmin = "http://jabber.org/protocol/muc#admin";
inline constexpr const char* kDataForms = "jabber:x:data";
inline constexpr const char* kNick = "http://jabber.org/protocol/nick";
inline constexpr const char* kEtherpad = "http://jitsi.org/jitmeet/etherpad";
inline constexpr const char* kStartMuted = "http://jitsi.org/jitmeet/start-muted";
// lib-jitsi-meet's own presence extensions (e.g. <region id=…/> of the 2018–2021 clients).
inline constexpr const char* kJitsiMeet = "http://jitsi.org/jitsi-meet";
inline constexpr const char* kAudioMute = "http://jitsi.org/jitmeet/audio";
inline constexpr const char* kJingle = "urn:xmpp:jingle:1";

}  // namespace jicofo::protocol::ns
