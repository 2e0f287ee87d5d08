#pragma once
// The types around ColibriAllocator: one participant's channels on one bridge, what the allocator needs from
// the focus (shared by all rooms), and how it tells its conference that channels were lost.
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

// A successful allocation: which bridge holds the channels and what it said about them (conference id,
// channel ids, the endpoint's channel-bundle with the bridge transport, the bridge SSRCs).
struct Allocation {
    util::Jid bridge;
    protocol::colibri::ParticipantChannels channels;
    const std::string& endpoint() const { return channels.endpoint; }
};

// Shared by every room's allocator; built once by the app. Everything here must outlive the allocators.
struct AllocatorContext {
    util::Loop& loop;
    xmpp::StanzaChannel& channel;  // the focus user's stream (Colibri always goes over it, docs/media.md §0)
    xmpp::IqRouter& router;        // that stream's IqRouter
    BridgeRegistry& registry;
    const BridgeSelector& selector;
    util::Duration requestTimeout{20000};  // every Colibri reply wait (2015: fixed 20 s)
};

class AllocatorListener {
  public:
    virtual ~AllocatorListener() = default;
    // The channels of these endpoints are gone with `bridge`: it went down (BridgeListener::onBridgeDown),
    // or it failed an allocation of this room (a room must stay on one bridge, docs/media.md §5, issue 4 part
    // 5). The allocator has already forgotten them (and sent the bridge a best-effort expire); their
    // Allocations are stale, so update()/expire() on them do nothing. The conference re-invites each of them:
    // Jingle session-terminate, then allocate() again, which now avoids the failed bridge. Called on the
    // loop, in a task of its own (never from inside an allocator method).
    virtual void onParticipantsLost(const util::Jid& bridge, const std::vector<std::string>& endpoints) = 0;
};

}  // namespace jicofo::bridge
