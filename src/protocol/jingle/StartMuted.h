#pragma once
// <startmuted xmlns='http://jitsi.org/jitmeet/start-muted' audio='true|false' video='true|false'/>, inside
// <jingle> of a session-initiate (docs/protocol.md §5.4, §6.2) and in owners' presence. Missing or unreadable
// attributes are false, as the 2015 focus read them.
#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol::jingle {

struct StartMuted {
    bool audio = false, video = false;

    static bool isStartMuted(const xml::Element& e);
    static ParseResult<StartMuted> parse(const xml::Element& e);
    xml::Element toElement() const;  // both attributes always written
};

}  // namespace jicofo::protocol::jingle
