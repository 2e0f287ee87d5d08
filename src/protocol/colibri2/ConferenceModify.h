#pragma once
// <conference-modify xmlns='jitsi:colibri2' meeting-id name create expire> (docs/media.md §2b): every request
// the focus sends a Colibri2 bridge, as the payload of an IQ (get or set, the bridge takes both) to the
// bridge's brewery occupant JID. meeting-id is required; name, when present, must be a bare JID (the room's).
// create='true' only on the first request to that bridge; expire='true' alone ends the conference.
// <relay/> and <connects/> (multi-bridge only, never sent by this focus) are kept as unknown children.
// Kept: unknown attributes (callstats-enabled, …) and children, order of child kinds.
#include <string>
#include <vector>

#include "protocol/colibri2/Endpoint.h"

namespace jicofo::protocol::colibri2 {

struct ConferenceModify {
    std::string meetingId;
    std::string name;  // "" ⇒ absent
    bool create = false, expire = false;
    std::vector<Endpoint> endpoints;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    static bool isConferenceModify(const xml::Element& e);
    static ParseResult<ConferenceModify> parse(const xml::Element& e);
    xml::Element toElement() const;

    const Endpoint* endpoint(const std::string& id) const;
    Endpoint& addEndpoint(std::string id);
};

}  // namespace jicofo::protocol::colibri2
