#include "protocol/focus/RoomExtensions.h"

#include "protocol/stanza/Namespaces.h"

namespace jicofo::protocol::room_extensions {

xml::Element bridgeIsDown() {
    return xml::Element(kBridgeIsDownName, kBridgeIsDownNs);
}

xml::Element etherpad(const std::string& name) {
    xml::Element e("etherpad", ns::kEtherpad);
    e.setText(name);
    return e;
}

}  // namespace jicofo::protocol::room_extensions
