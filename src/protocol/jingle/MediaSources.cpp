#include "protocol/jingle/MediaSources.h"

#include "protocol/jingle/Jingle.h"

namespace jicofo::protocol::jingle {

const Source* MediaSourceSet::findSource(uint32_t ssrc) const {
    for (const auto& s : sources)
        if (s.ssrc == ssrc) return &s;
    return nullptr;
}

const MediaSourceSet* MediaSources::find(const std::string& media) const {
    for (const auto& e : entries)
        if (e.media == media) return &e;
    return nullptr;
}

MediaSourceSet* MediaSources::find(const std::string& media) {
    for (auto& e : entries)
        if (e.media == media) return &e;
    return nullptr;
}

MediaSourceSet& MediaSources::at(const std::string& media) {
    if (auto* e = find(media)) return *e;
    entries.push_back(MediaSourceSet{media, {}, {}});
    return entries.back();
}

size_t MediaSources::sourceCount() const {
    size_t n = 0;
    for (const auto& e : entries) n += e.sources.size();
    return n;
}

size_t MediaSources::groupCount() const {
    size_t n = 0;
    for (const auto& e : entries) n += e.groups.size();
    return n;
}

const Source* MediaSources::findSource(uint32_t ssrc, std::string* media) const {
    for (const auto& e : entries) {
        if (const Source* s = e.findSource(ssrc)) {
            if (media) *media = e.media;
            return s;
        }
    }
    return nullptr;
}

void MediaSources::append(const MediaSources& other) {
    for (const auto& e : other.entries) {
        auto& mine = at(e.media);
        mine.sources.insert(mine.sources.end(), e.sources.begin(), e.sources.end());
        mine.groups.insert(mine.groups.end(), e.groups.begin(), e.groups.end());
    }
}

MediaSources MediaSources::fromContents(const std::vector<Content>& contents,
                                        const std::vector<std::string>& offeredContents) {
    MediaSources out;
    for (const auto& c : contents) {
        auto& entry = out.at(mediaOf(c, offeredContents));
        if (!c.description) continue;
        entry.sources.insert(entry.sources.end(), c.description->sources.begin(),
                             c.description->sources.end());
        entry.groups.insert(entry.groups.end(), c.description->groups.begin(), c.description->groups.end());
    }
    return out;
}

std::vector<Content> MediaSources::toContents() const {
    std::vector<Content> out;
    for (const auto& e : entries) {
        Content c;
        c.name = e.media;
        RtpDescription d;
        d.media = e.media;
        d.sources = e.sources;
        for (auto& s : d.sources) s.order.clear();  // write parameters, then ssrc-info
        d.groups = e.groups;
        c.description = std::move(d);
        out.push_back(std::move(c));
    }
    return out;
}

Jingle MediaSources::toJingle(JingleAction action, const std::string& sid, bool legacy) const {
    Jingle j;
    j.action = action;
    j.legacyAction = legacy;
    j.sid = sid;
    j.contents = toContents();
    return j;
}

}  // namespace jicofo::protocol::jingle
