#pragma once
// The presence extensions the focus publishes in a conference room (docs/protocol.md §5.2), built here so the
// conference never writes elements by hand.
#include <string>

#include "xml/Element.h"

namespace jicofo::protocol::room_extensions {

// <bridgeIsDown/> with an empty namespace, as 2015 wrote it: no videobridge can take the participants.
inline constexpr const char* kBridgeIsDownName = "bridgeIsDown";
inline constexpr const char* kBridgeIsDownNs = "";
xml::Element bridgeIsDown();

// <etherpad xmlns='http://jitsi.org/jitmeet/etherpad'>NAME</etherpad>: the shared document's name.
xml::Element etherpad(const std::string& name);

}  // namespace jicofo::protocol::room_extensions
