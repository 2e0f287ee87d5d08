#pragma once
// <ice-state xmlns='http://jitsi.org/protocol/focus'>failed</ice-state> inside a session-info <jingle>
// (docs/media.md §3.7): a client from about 2021 that does not see support-terminate-restart reports that ICE
// to the bridge failed, and the focus restarts its session. The text is kept as sent (trimmed); an empty one
// is refused (bad-request).
#include <string>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol::jingle {

struct IceState {
    std::string state;  // "failed" is the one the focus acts on

    static bool isIceState(const xml::Element& e);
    static ParseResult<IceState> parse(const xml::Element& e);
    xml::Element toElement() const;
    bool failed() const { return state == "failed"; }
};

}  // namespace jicofo::protocol::jingle
