#include "media/SourceMap.h"

#include <algorithm>

namespace jicofo::media {

using namespace protocol;
using namespace protocol::jingle;
namespace {

std::pair<std::string, std::string> splitMsid(const std::string& msid) {
    auto space = msid.find(' ');
    if (space == std::string::npos || msid.find(' ', space + 1) != std::string::npos) return {};
    return {msid.substr(0, space), msid.substr(space + 1)};
}

}  // namespace

void mergeStreams(MediaSources& set) {
    auto* audio = set.find("audio");
    auto* video = set.find("video");
    if (!audio || !video || audio->sources.empty() || video->sources.empty()) return;
    Source& a = audio->sources.front();
    Source& v = video->sources.front();
    for (const char* name : {"cname", "mslabel"})
        if (const std::string* value = a.param(name)) v.setParam(name, std::string(*value));
    const std::string* audioMsid = a.param("msid");
    const std::string* videoMsid = v.param("msid");
    if (!audioMsid || !videoMsid) return;
    auto [audioStream, audioTrack] = splitMsid(*audioMsid);
    auto [videoStream, videoTrack] = splitMsid(*videoMsid);
    if (audioTrack.empty() || videoStream.empty()) return;
    a.setParam("msid", videoStream + " " + audioTrack);
}

MediaSources* SourceMap::entryOf(const std::string& owner) {
    for (auto& [o, set] : owners_)
        if (o == owner) return &set;
    return nullptr;
}

std::optional<std::string> SourceMap::ownerOf(uint32_t ssrc) const {
    for (const auto& [owner, set] : owners_)
        if (set.findSource(ssrc)) return owner;
    return std::nullopt;
}

std::optional<StanzaError> SourceMap::claimSources(const std::string& owner, const MediaSourceSet& claim,
                                                   MediaSources& current, MediaSourceSet& added) const {
    std::string known;  // media under which the owner already has the SSRC
    for (const auto& s : claim.sources) {
        if (!s.ssrc) return badRequest("<source> without ssrc in " + claim.media);
        const std::string n = std::to_string(*s.ssrc);
        if (added.findSource(*s.ssrc)) return badRequest("ssrc " + n + " appears twice");
        auto other = ownerOf(*s.ssrc);
        if (other && *other != owner)
            return badRequest("ssrc " + n + " is already used by another participant");
        if (current.findSource(*s.ssrc, &known)) {
            if (known != claim.media) return badRequest("ssrc " + n + " is already used for " + known);
            continue;  // announced before: not new
        }
        Source stored = s;
        stored.setOwner(owner);
        current.at(claim.media).sources.push_back(stored);
        added.sources.push_back(std::move(stored));
    }
    return std::nullopt;
}

std::optional<StanzaError> SourceMap::claimGroups(const MediaSourceSet& claim, MediaSources& current,
                                                  MediaSourceSet& added) {
    auto& mine = current.at(claim.media);
    for (const auto& g : claim.groups) {
        if (g.ssrcs.empty()) return badRequest("ssrc-group " + g.semantics + " has no sources");
        for (uint32_t ssrc : g.ssrcs)
            if (!mine.findSource(ssrc))
                return badRequest("ssrc-group " + g.semantics + " names ssrc " + std::to_string(ssrc) +
                                  " that the participant does not own in " + claim.media);
        if (std::find(mine.groups.begin(), mine.groups.end(), g) != mine.groups.end()) continue;
        mine.groups.push_back(g);
        added.groups.push_back(g);
    }
    return std::nullopt;
}

ParseResult<MediaSources> SourceMap::add(const std::string& owner, const MediaSources& claim) {
    MediaSources current = sourcesOf(owner);
    MediaSources added;
    for (const auto& entry : claim.entries) {
        auto& out = added.at(entry.media);
        current.at(entry.media);  // keep the key even when empty (2015 kept "data")
        if (auto err = claimSources(owner, entry, current, out)) return *err;
    }
    for (const auto& entry : claim.entries)
        if (auto err = claimGroups(entry, current, added.at(entry.media))) return *err;
    if (current.sourceCount() > limits_.maxSources)
        return badRequest("too many sources: " + std::to_string(current.sourceCount()) + " > " +
                          std::to_string(limits_.maxSources));
    if (current.groupCount() > limits_.maxGroups)
        return badRequest("too many ssrc-groups: " + std::to_string(current.groupCount()) + " > " +
                          std::to_string(limits_.maxGroups));
    if (mergeStreams_) {
        mergeStreams(current);
        for (auto& entry : added.entries)
            for (auto& s : entry.sources) s = *current.findSource(*s.ssrc);  // report merged values
    }
    if (auto* stored = entryOf(owner))
        *stored = std::move(current);
    else
        owners_.emplace_back(owner, std::move(current));
    return added;
}

MediaSources SourceMap::removeDanglingGroups(MediaSources& current) {
    MediaSources removed;
    for (auto& entry : current.entries) {
        auto dangling = [&](const SourceGroup& g) {
            return std::any_of(g.ssrcs.begin(), g.ssrcs.end(),
                               [&](uint32_t s) { return !entry.findSource(s); });
        };
        for (const auto& g : entry.groups)
            if (dangling(g)) removed.at(entry.media).groups.push_back(g);
        entry.groups.erase(std::remove_if(entry.groups.begin(), entry.groups.end(), dangling),
                           entry.groups.end());
    }
    return removed;
}

MediaSources SourceMap::remove(const std::string& owner, const MediaSources& request) {
    MediaSources removed;
    MediaSources* current = entryOf(owner);
    if (!current) return removed;
    for (const auto& req : request.entries) {
        MediaSourceSet* mine = current->find(req.media);
        if (!mine) continue;
        for (const auto& s : req.sources) {
            auto it = std::find_if(mine->sources.begin(), mine->sources.end(),
                                   [&](const Source& m) { return s.ssrc && m.ssrc == s.ssrc; });
            if (it == mine->sources.end()) continue;
            removed.at(req.media).sources.push_back(std::move(*it));
            mine->sources.erase(it);
        }
        for (const auto& g : req.groups) {
            auto it = std::find_if(mine->groups.begin(), mine->groups.end(),
                                   [&](const SourceGroup& m) { return m.covers(g); });
            if (it == mine->groups.end()) continue;
            removed.at(req.media).groups.push_back(std::move(*it));
            mine->groups.erase(it);
        }
    }
    removed.append(removeDanglingGroups(*current));
    return removed;
}

MediaSources SourceMap::removeOwner(const std::string& owner) {
    auto it = std::find_if(owners_.begin(), owners_.end(), [&](const auto& p) { return p.first == owner; });
    if (it == owners_.end()) return {};
    MediaSources all = std::move(it->second);
    owners_.erase(it);
    return all;
}

MediaSources SourceMap::sourcesOf(const std::string& owner) const {
    for (const auto& [o, set] : owners_)
        if (o == owner) return set;
    return {};
}

MediaSources SourceMap::allExcept(const std::string& owner) const {
    MediaSources all;
    for (const auto& [o, set] : owners_)
        if (o != owner) all.append(set);
    return all;
}

std::vector<std::string> SourceMap::owners() const {
    std::vector<std::string> out;
    for (const auto& p : owners_) out.push_back(p.first);
    return out;
}

}  // namespace jicofo::media
