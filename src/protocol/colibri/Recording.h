#pragma once
// Colibri <recording state='on|off|pending' token directory/> (docs/protocol.md §6.4): a participant's
// request to the focus, the focus's answer, and the focus's toggle request to the bridge.
#include <string>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::colibri {

struct Recording {
    std::string state;      // on | off | pending; "" ⇒ absent
    std::string token;      // "" ⇒ absent
    std::string directory;  // "" ⇒ absent
    jingle::Attributes extra;

    static ParseResult<Recording> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::colibri
