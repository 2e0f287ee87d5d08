#pragma once
// Jingle <reason><gone/><text>…</text></reason> (XEP-0166 §7.4). The focus sends <gone/> with
// session-terminate; clients may send any condition, which is kept with any extra children.
#include <string>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol::jingle {

struct Reason {
    std::string condition;  // gone, success, decline, …; required
    std::string text;       // "" ⇒ no <text>
    std::vector<xml::Element> extraChildren;

    static ParseResult<Reason> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::jingle
