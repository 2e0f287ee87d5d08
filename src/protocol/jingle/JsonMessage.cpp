#include "protocol/jingle/JsonMessage.h"

#include "protocol/jingle/AttrReader.h"
#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::protocol::jingle {

bool JsonMessage::isJsonMessage(const xml::Element& e) {
    return e.name() == "json-message" && e.ns() == ns::kJitMeet;
}

ParseResult<JsonMessage> JsonMessage::parse(const xml::Element& e) {
    if (!isJsonMessage(e)) return badRequest("not a <json-message> element");
    return JsonMessage{e.text()};
}

xml::Element JsonMessage::toElement() const {
    xml::Element e("json-message", ns::kJitMeet);
    e.setText(text);
    return e;
}

}  // namespace jicofo::protocol::jingle
