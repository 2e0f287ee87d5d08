#pragma once
// <bridge-session xmlns='http://jitsi.org/protocol/focus' id region restart/> inside <jingle> (docs/media.md
// §3.7): the focus names each offer's bridge session (id, optionally the bridge's region); a client asks for
// a new session by sending it back in session-terminate with restart='true', or names it beside <ice-state>
// in a session-info. All attributes are optional; restart is written only when set. A restart value that is
// not a boolean is refused (bad-request). Kept: unknown attributes.
#include <optional>
#include <string>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::jingle {

struct BridgeSession {
    std::string id, region;  // "" ⇒ absent
    std::optional<bool> restart;
    Attributes extra;

    static bool isBridgeSession(const xml::Element& e);
    static ParseResult<BridgeSession> parse(const xml::Element& e);
    xml::Element toElement() const;
    bool restartRequested() const { return restart.value_or(false); }
};

}  // namespace jicofo::protocol::jingle
