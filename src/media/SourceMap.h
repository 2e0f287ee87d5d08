#pragma once
// Who sends which SSRCs in a conference: per participant (keyed by occupant JID, the ssrc-info owner) and
// media, the sources and ssrc-groups it announced (docs/media.md §4). A value type with no I/O; the
// conference decides whom to tell, using the sets returned here and MediaSources::toJingle / the Colibri
// builders. The focus's rules, not the wire format: the wire types are protocol/jingle's.
//
// Differences from 2015 on purpose (2015 validated nothing, §4.5); a refused claim changes nothing and
// returns bad-request with a text naming the problem:
//  - an SSRC owned by another participant, or by this one under another media, is refused;
//  - the same SSRC twice in one claim is refused;
//  - a group must name only SSRCs the participant owns in that media (after the claim) and not be empty;
//  - at most Limits::maxSources sources and Limits::maxGroups groups per participant.
// Not refused: SSRCs or groups the participant already announced (they are skipped, so re-sent sources are
// not forwarded twice). Removing a source also removes the participant's groups that name it, and reports
// them as removed, so no dangling group reaches the bridge or the peers.
// Kept from 2015: the owner is forced to the sender (video-type kept); removal is by SSRC number (groups by
// semantics + covering SSRCs) and returns the stored elements with their parameters; the msid merge hack
// (§4.2) when mergeStreams is on.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/jingle/MediaSources.h"

namespace jicofo::media {

class SourceMap {
  public:
    struct Limits {
        size_t maxSources = 50;
        size_t maxGroups = 20;
    };

    SourceMap() = default;
    // mergeStreams: apply the 2015 "one MediaStream per participant" msid/cname merge after each add.
    explicit SourceMap(Limits limits, bool mergeStreams = true)
        : limits_(limits), mergeStreams_(mergeStreams) {}

    // Adds a participant's claim (session-accept or source-add). Returns what was really new, as stored
    // (owner set, merge applied), with one entry per media key of the claim (even empty, e.g. data).
    protocol::ParseResult<protocol::jingle::MediaSources> add(const std::string& owner,
                                                              const protocol::jingle::MediaSources& claim);
    // Removes what the request names and the owner has; returns the stored elements really removed (only
    // media that lost something). Unknown SSRCs/groups are ignored: nothing removed ⇒ empty result.
    protocol::jingle::MediaSources remove(const std::string& owner,
                                          const protocol::jingle::MediaSources& request);
    // Forgets the participant (leave); returns everything it had.
    protocol::jingle::MediaSources removeOwner(const std::string& owner);

    // The participant's complete current set (empty when unknown), e.g. for the Colibri sources update.
    protocol::jingle::MediaSources sourcesOf(const std::string& owner) const;
    // Everyone's sources except owner's, merged per media in the order participants first added (the
    // 2015 offer lists every stored SSRC of the others, §3.2).
    protocol::jingle::MediaSources allExcept(const std::string& owner) const;
    std::optional<std::string> ownerOf(uint32_t ssrc) const;
    std::vector<std::string> owners() const;
    const Limits& limits() const { return limits_; }

  private:
    protocol::jingle::MediaSources* entryOf(const std::string& owner);
    std::optional<protocol::StanzaError> claimSources(const std::string& owner,
                                                      const protocol::jingle::MediaSourceSet& claim,
                                                      protocol::jingle::MediaSources& current,
                                                      protocol::jingle::MediaSourceSet& added) const;
    static std::optional<protocol::StanzaError> claimGroups(const protocol::jingle::MediaSourceSet& claim,
                                                            protocol::jingle::MediaSources& current,
                                                            protocol::jingle::MediaSourceSet& added);
    static protocol::jingle::MediaSources removeDanglingGroups(protocol::jingle::MediaSources& current);

    Limits limits_;
    bool mergeStreams_ = true;
    std::vector<std::pair<std::string, protocol::jingle::MediaSources>> owners_;
};

// The 2015 merge hack (docs/media.md §4.2): the first video source takes the first audio source's cname and
// mslabel; the first audio source's msid becomes "<video msid stream> <audio msid track>" when both msids
// have two parts. Does nothing unless both media have a source.
void mergeStreams(protocol::jingle::MediaSources& set);

}  // namespace jicofo::media
