#pragma once
// Colibri v1 <conference xmlns='http://jitsi.org/protocol/colibri' id name> (docs/media.md §2.1): contents,
// then channel-bundles, then optional <recording> and <graceful-shutdown/>. The payload of every focus↔bridge
// Colibri IQ (allocate is type get, everything else set) and of the recording IQ (docs/protocol.md §6.4).
// A second <recording> is refused (bad-request). Kept: unknown attributes and children, order of child kinds.
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri/ChannelBundle.h"
#include "protocol/colibri/ColibriContent.h"
#include "protocol/colibri/Recording.h"

namespace jicofo::protocol::colibri {

struct ColibriConference {
    std::string id, name;  // "" ⇒ absent (no id = "create a conference")
    std::vector<ColibriContent> contents;
    std::vector<ChannelBundle> channelBundles;
    std::optional<Recording> recording;
    bool gracefulShutdown = false;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    static bool isConference(const xml::Element& e);
    static ParseResult<ColibriConference> parse(const xml::Element& e);
    xml::Element toElement() const;

    const ColibriContent* content(const std::string& name) const;
    ColibriContent* content(const std::string& name);
    ColibriContent& getOrAddContent(const std::string& name);
    const ChannelBundle* channelBundle(const std::string& id) const;
};

}  // namespace jicofo::protocol::colibri
