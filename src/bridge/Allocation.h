#pragma once
// The types around ColibriAllocator: one participant's channels on one bridge, what the allocator needs from
// the focus (shared by all rooms), and how it tells its conference that channels were lost.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bridge/BridgeRegistry.h"
#include "bridge/BridgeSelector.h"
#include "protocol/colibri/ParticipantChannels.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridge {

class ColibriExpiry;

// What a Colibri2 bridge gave one endpoint (docs/media.md §2b), already in the offer's terms.
struct Colibri2Endpoint {
    std::uint64_t serial = 0;  // tells a re-allocation from the earlier one
    std::map<std::string, protocol::jingle::Transport> transports;  // per offered content (one bundle)
    std::map<std::string, std::uint32_t> feedbackSsrcs;             // audio ← jvb-a0, video ← jvb-v0
    std::vector<std::string> webSockets;
    std::optional<std::uint16_t> sctpPort;
};

// A successful allocation: which bridge holds the endpoint and what it said about it. Colibri v1: the
// conference id, channel ids, the endpoint's channel-bundle with the bridge transport, the bridge SSRCs.
// Colibri2: channels holds only the meeting-id (as conferenceId) and the endpoint; colibri2 the rest.
struct Allocation {
    util::Jid bridge;
    protocol::colibri::ParticipantChannels channels;
    std::optional<Colibri2Endpoint> colibri2;
    const std::string& endpoint() const { return channels.endpoint; }
    // Per content name, the bridge transport the offer carries, and the bridge's own SSRCs.
    std::map<std::string, protocol::jingle::Transport> offerTransports() const {
        return colibri2 ? colibri2->transports : channels.offerTransports();
    }
    std::map<std::string, std::uint32_t> bridgeSsrcs() const {
        return colibri2 ? colibri2->feedbackSsrcs : channels.bridgeSsrcs();
    }
};

// Shared by every room's allocator; built once by the app. Everything here must outlive the allocators.
struct AllocatorContext {
    util::Loop& loop;
    xmpp::StanzaChannel& channel;  // the focus user's stream (Colibri always goes over it, docs/media.md §0)
    xmpp::IqRouter& router;        // that stream's IqRouter
    BridgeRegistry& registry;
    const BridgeSelector& selector;
    ColibriExpiry& expiry;                 // every expire goes through it, so none is lost (ColibriExpiry.h)
    util::Duration requestTimeout{20000};  // every Colibri reply wait (2015: fixed 20 s)
};

class AllocatorListener {
  public:
    virtual ~AllocatorListener() = default;
    // The channels of these endpoints are gone with `bridge`: it went down (BridgeListener::onBridgeDown),
    // or it failed an allocation of this room (a room must stay on one bridge, docs/media.md §5, issue 4
    // part 5). The allocator has already forgotten them (and asked ColibriExpiry to expire them on the
    // bridge); their Allocations are stale, so update()/expire() on them do nothing. The conference
    // re-invites each of them: Jingle session-terminate, then allocate() again, which now avoids the failed
    // bridge. Called on the loop, in a task of its own (never from inside an allocator method).
    virtual void onParticipantsLost(const util::Jid& bridge, const std::vector<std::string>& endpoints) = 0;
};

}  // namespace jicofo::bridge
