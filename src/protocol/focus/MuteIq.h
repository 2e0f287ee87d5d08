#pragma once
// <mute xmlns='http://jitsi.org/jitmeet/audio' jid='room@conference.example.com/bob'>true</mute>
// (docs/protocol.md §6.1): a participant asks the focus (at the focus occupant JID) to mute or unmute the
// audio of the occupant `jid`; the focus forwards the same element, without `jid`, to that occupant.
//
//   auto m = MuteIq::parse(*iq.payload);      // m->jid, m->mute
//   MuteIq forward;
//   forward.mute = true;                        // <mute xmlns='http://jitsi.org/jitmeet/audio'>true</mute>
#include <optional>

#include "protocol/stanza/StanzaError.h"
#include "util/Jid.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct MuteIq {
    std::optional<util::Jid> jid;  // the target occupant; an empty attribute counts as absent
    // Text "true" in any case ⇒ true, other text ⇒ false (2015's Boolean.parseBoolean); no text ⇒ nullopt.
    std::optional<bool> mute;

    static constexpr size_t kMaxTextLength = 64;

    // bad-request for another element, a `jid` that is not a JID or an over-long text. A missing jid or
    // text parses (the handler decides what that means).
    static ParseResult<MuteIq> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol
