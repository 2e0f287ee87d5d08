#pragma once
// <parameter name value/>: an fmtp parameter of a payload type (RTP or Colibri namespace) or an SSRC
// attribute of a source (ssma namespace: cname, msid, mslabel, label). The namespace is the parent's.
#include <string>
#include <vector>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::protocol::jingle {

struct Parameter {
    std::string name, value;
    Attributes extra;

    bool operator==(const Parameter& o) const { return name == o.name && value == o.value; }
    // A parameter needs a name; value may be empty.
    static ParseResult<Parameter> parse(const xml::Element& e);
    xml::Element toElement(const std::string& ns) const;
};

// Value of the first parameter with that name; nullptr when none.
const std::string* findParameter(const std::vector<Parameter>& params, const std::string& name);
// Replaces the value of the first parameter with that name, or appends one.
void setParameter(std::vector<Parameter>& params, const std::string& name, std::string value);

}  // namespace jicofo::protocol::jingle
