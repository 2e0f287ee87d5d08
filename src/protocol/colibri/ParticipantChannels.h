#pragma once
// What the focus keeps of one participant's allocation (docs/media.md §2.3): the conference id, the channels
// and sctpconnections the bridge described for this endpoint, and only the channel-bundle whose id is their
// channel-bundle-id. Everything later (offer, updates, mute, expire) is built from this.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri/ColibriConference.h"

namespace jicofo::protocol::colibri {

struct ParticipantChannels {
    std::string conferenceId;
    std::string endpoint;
    std::vector<ColibriContent> contents;  // this endpoint's channels and sctpconnections, per content name
    std::optional<ChannelBundle> bundle;   // only when the channels are bundled

    // Reads an allocate response (the <conference> of the result IQ). Channels are those whose endpoint is
    // the given one (or that name none). Refused (bad-request, the allocation failed): no conference id, no
    // channel at all, a channel without id, a bundle id whose channel-bundle or transport is missing.
    static ParseResult<ParticipantChannels> fromAllocateResponse(const ColibriConference& response,
                                                                 const std::string& endpoint);

    // Per content name, the transport the offer must carry: the bundle transport for every content when
    // bundled, else that content's first channel/sctpconnection transport (contents without one are left
    // out, and OfferFactory::createOffer then fails).
    std::map<std::string, jingle::Transport> offerTransports() const;
    // Per content name, the bridge's own SSRC: the first <source ssrc> of the content's first channel.
    std::map<std::string, uint32_t> bridgeSsrcs() const;

    const ColibriContent* content(const std::string& name) const;
    // The first RTP channel / sctpconnection of a content; nullptr when none.
    const Channel* channel(const std::string& contentName) const;
    const SctpConnection* sctpConnection(const std::string& contentName) const;
    std::string bundleId() const { return bundle ? bundle->id : std::string(); }
};

}  // namespace jicofo::protocol::colibri
