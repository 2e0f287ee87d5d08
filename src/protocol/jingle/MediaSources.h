#pragma once
// Sources (whole <source> elements, parameters and ssrc-info included) and ssrc-groups of one participant
// or one Jingle message, per media key (docs/media.md §4.1). The key is mediaOf(content): the description's
// media or the content name, so a data content without description yields an empty "data" entry, as in 2015.
// Groups use the same key (2015 used the content name, identical for every 2015/2016 client; the 2020
// Unified Plan client names contents by mid, where the media is the better key).
#include <cstdint>
#include <string>
#include <vector>

#include "protocol/jingle/Jingle.h"

namespace jicofo::protocol::jingle {

struct MediaSourceSet {
    std::string media;  // audio | video | data | …
    std::vector<Source> sources;
    std::vector<SourceGroup> groups;

    const Source* findSource(uint32_t ssrc) const;
};

struct MediaSources {
    std::vector<MediaSourceSet> entries;  // in first-seen order, even when empty

    const MediaSourceSet* find(const std::string& media) const;
    MediaSourceSet* find(const std::string& media);
    MediaSourceSet& at(const std::string& media);  // adds an empty entry when missing

    size_t sourceCount() const;
    size_t groupCount() const;
    bool empty() const { return sourceCount() == 0 && groupCount() == 0; }  // empty entries do not count
    // The source with that SSRC in any media, and its media; nullptr when none.
    const Source* findSource(uint32_t ssrc, std::string* media = nullptr) const;
    // Appends other's sources and groups per media (a merge of two participants' sets for an offer).
    void append(const MediaSources& other);

    // Collects the sources and groups of received contents (session-accept, source-add, source-remove).
    // offeredContents resolves mid-named contents (see mediaOf).
    static MediaSources fromContents(const std::vector<Content>& contents,
                                     const std::vector<std::string>& offeredContents = {});
    // The contents of a focus source-add / source-remove (docs/media.md §3.6): one <content name=M> (no
    // creator) per entry, even an empty one, holding <description media=M> with the sources, then the groups.
    std::vector<Content> toContents() const;
    // <jingle action='source-add'|'source-remove' sid> with toContents(); legacy ⇒ addsource/removesource.
    Jingle toJingle(JingleAction action, const std::string& sid, bool legacy = false) const;
};

}  // namespace jicofo::protocol::jingle
