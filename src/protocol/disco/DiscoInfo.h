#pragma once
// XEP-0030 disco#info query/result.
#include <string>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol {

struct DiscoIdentity {
    std::string category, type, name;
    bool operator==(const DiscoIdentity& o) const {
        return category == o.category && type == o.type && name == o.name;
    }
};

struct DiscoInfo {
    std::string node;
    std::vector<DiscoIdentity> identities;
    std::vector<std::string> features;

    bool hasFeature(const std::string& var) const;
    static ParseResult<DiscoInfo> parse(const xml::Element& query);
    xml::Element toElement() const;  // <query xmlns='http://jabber.org/protocol/disco#info'>
};

struct DiscoItem {
    std::string jid, name, node;
};

struct DiscoItems {
    std::string node;
    std::vector<DiscoItem> items;
    static ParseResult<DiscoItems> parse(const xml::Element& query);
    xml::Element toElement() const;
};

}  // namespace jicofo::protocol
