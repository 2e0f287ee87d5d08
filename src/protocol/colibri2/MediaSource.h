#pragma once
// Colibri2 <media-source xmlns='jitsi:colibri2' type id [synthetic]> (docs/media.md §2b): one named source of
// an endpoint (the id is the source name, e.g. EPID-v0, or jvb-a0 for the bridge's feedback source) with its
// <source xmlns='urn:xmpp:jingle:apps:rtp:ssma:0' ssrc name/> elements (a video one holds every simulcast and
// RTX SSRC) and its <ssrc-group/> elements. type and id are required; type is audio, video or data.
// Kept: unknown attributes and children, order of child kinds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/jingle/ChildOrder.h"
#include "protocol/jingle/Source.h"
#include "protocol/jingle/SourceGroup.h"

namespace jicofo::protocol::colibri2 {

struct MediaSource {
    std::string type;  // audio | video | data
    std::string id;    // the source name
    std::optional<bool> synthetic;
    std::vector<jingle::Source> sources;
    std::vector<jingle::SourceGroup> groups;
    jingle::Attributes extraAttrs;
    std::vector<xml::Element> extraChildren;
    jingle::ChildOrder order;

    // Every <source> needs an ssrc here (a media-source lists real SSRCs only).
    static ParseResult<MediaSource> parse(const xml::Element& e);
    xml::Element toElement() const;

    // A media-source of one SSRC whose <source> carries name=id (what the bridge's feedback sources and the
    // focus's single-SSRC audio sources look like).
    static MediaSource single(std::string type, std::string id, uint32_t ssrc);
    std::vector<uint32_t> ssrcs() const;
};

// The name='' attribute of a source (XEP-0339 extension used by Jitsi's source-name signalling), kept in
// jingle::Source::extraAttrs; "" when absent.
std::string sourceName(const jingle::Source& s);
void setSourceName(jingle::Source& s, const std::string& name);

bool isMediaType(const std::string& type);  // audio | video | data

}  // namespace jicofo::protocol::colibri2
