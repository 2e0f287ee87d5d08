#pragma once
// <group xmlns='urn:xmpp:jingle:apps:grouping:0' semantics='BUNDLE'><content name/>…</group> (XEP-0338),
// a child of <jingle> in bundle offers and answers.
#include <string>
#include <vector>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::jingle {

struct Group {
    std::string semantics = "BUNDLE";
    std::vector<std::string> contents;  // content names
    Attributes extra;

    static bool isGroup(const xml::Element& e);
    static ParseResult<Group> parse(const xml::Element& e);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol::jingle
