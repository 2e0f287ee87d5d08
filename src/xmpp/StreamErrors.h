#pragma once
// Reading <stream:error/> and stream-level features, shared by the component and client logins.
#include <string>

#include "xml/Element.h"

namespace jicofo::xmpp {

bool isStreamError(const xml::Element& stanza);
// "conflict", "not-authorized: some text" ...
std::string describeStreamError(const xml::Element& error);
// The defined condition of a <stream:error/> (its first child in the streams error namespace).
std::string streamErrorCondition(const xml::Element& error);

}  // namespace jicofo::xmpp
