#pragma once
// Colibri2 <endpoint xmlns='jitsi:colibri2' id create expire stats-id> (docs/media.md §2b), in a
// conference-modify (the focus's participant: create with media, transport, sources, capability; update with
// transport and/or the complete sources; expire='true' alone) and in a conference-modified (the bridge's
// answer: id and, on create, its transport). id is required. Default child order when built in code: media,
// transport, sources, capability, force-mute. Kept: unknown attributes and children (initial-last-n, …),
// order of child kinds.
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri2/Capability.h"
#include "protocol/colibri2/Colibri2Transport.h"
#include "protocol/colibri2/ForceMute.h"
#include "protocol/colibri2/Media.h"
#include "protocol/colibri2/Sources.h"

namespace jicofo::protocol::colibri2 {

struct Endpoint {
    std::string id;
    bool create = false, expire = false;  // written only when true
    std::string statsId, mucRole;         // "" ⇒ absent
    std::vector<Media> medias;
    std::optional<Colibri2Transport> transport;
    std::optional<Sources> sources;
    std::vector<Capability> capabilities;
    std::optional<ForceMute> forceMute;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    static bool isEndpoint(const xml::Element& e);
    static ParseResult<Endpoint> parse(const xml::Element& e);
    xml::Element toElement() const;

    bool hasCapability(const std::string& name) const;
    const Media* media(const std::string& type) const;
};

}  // namespace jicofo::protocol::colibri2
