#include "protocol/jingle/IceState.h"

#include "protocol/jingle/AttrReader.h"
#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

bool IceState::isIceState(const xml::Element& e) {
    return e.name() == "ice-state" && e.ns() == ns::kFocus;
}

ParseResult<IceState> IceState::parse(const xml::Element& e) {
    if (!isIceState(e)) return badRequest("not an <ice-state> element");
    std::string text = e.text();
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return badRequest("<ice-state> without a state");
    auto last = text.find_last_not_of(" \t\r\n");
    return IceState{text.substr(first, last - first + 1)};
}

xml::Element IceState::toElement() const {
    xml::Element e("ice-state", ns::kFocus);
    e.setText(state);
    return e;
}

}  // namespace jicofo::protocol::jingle
