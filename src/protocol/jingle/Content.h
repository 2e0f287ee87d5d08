#pragma once
// Jingle <content creator name senders> (XEP-0166) with an optional RTP description, an optional ICE/raw
// transport and the estos <bundle xmlns='http://estos.de/ns/bundle'/> marker of the 2015 bundle offer.
// Contents of source-add/-remove have no creator. A second RTP description or ICE/raw-UDP transport is
// refused (bad-request): which one counts would depend on the order. Kept: unknown attributes, descriptions
// and transports of other namespaces and other children (in extraChildren), order of kinds; default order:
// description, transport, bundle.
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/RtpDescription.h"
#include "protocol/jingle/Transport.h"

namespace jicofo::protocol::jingle {

struct Content {
    std::string name;     // required
    std::string creator;  // initiator | responder; "" ⇒ absent
    std::string senders;  // both | initiator | responder | none; "" ⇒ absent
    std::optional<RtpDescription> description;
    std::optional<Transport> transport;
    bool bundle = false;  // estos marker
    Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    ChildOrder order;

    static ParseResult<Content> parse(const xml::Element& e);
    xml::Element toElement() const;
};

// The media a content is about, as the Colibri content name (docs/media.md §2.1, §3.4): the description's
// media
// ("application" ⇒ "data"); else the content name when it is audio, video or data; else, when the name is a
// Unified Plan mid ("0", "1", …) and offeredContents is given, the offered content at that index (the 2020
// client names transport-info contents by mid); else the content name itself.
std::string mediaOf(const Content& c, const std::vector<std::string>& offeredContents = {});

}  // namespace jicofo::protocol::jingle
