#pragma once
// A room occupant the focus has invited to media (docs/protocol.md §5.4, docs/media.md §3–§4): its features,
// its channels on the bridge, its Jingle session and the source updates queued until it accepts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bridge/Allocation.h"
#include "bridge/ColibriAllocator.h"
#include "media/ParticipantFeatures.h"
#include "protocol/disco/EntityCaps.h"
#include "protocol/jingle/Content.h"
#include "protocol/jingle/MediaSources.h"
#include "util/Jid.h"

namespace jicofo::conference {

struct Participant {
    enum class State {
        Discovering,       // disco#info of the occupant in flight
        Allocating,        // Colibri allocation in flight
        WaitingForBridge,  // no bridge could allocate; retried when one comes up
        Offered,           // session-initiate sent (acked or not yet)
        Active,            // session-accept received
        Failed,            // the offer was refused or not acked; stays listed (2015) until it leaves
    };

    util::Jid occupantJid;
    std::string nick;
    std::uint64_t generation = 0;  // tells a rejoin under the same nick from the earlier occupant
    int joinNumber = 0;
    std::optional<protocol::EntityCaps> caps;  // from its presence when invited (XEP-0115)
    std::string region;                        // its jitsi_participant_region when invited ("" = none)
    State state = State::Discovering;
    media::ParticipantFeatures features;
    std::vector<protocol::jingle::Content> offerTemplate;
    std::vector<std::string> offeredContents;  // content names of the offer (resolves mid-named contents)
    bridge::ColibriAllocator::Handle pendingAllocation = 0;
    std::optional<bridge::Allocation> allocation;
    std::string sid;              // the Jingle session id once offered
    std::string bridgeSessionId;  // the offer's <bridge-session id> (SessionRestart.h)
    // Updates for a participant without a session yet (docs/media.md §4.4), flushed after its accept.
    protocol::jingle::MediaSources queuedAdd, queuedRemove;

    bool hasSession() const { return state == State::Active; }
    std::string owner() const { return occupantJid.str(); }  // the ssrc-info owner
};

const char* toString(Participant::State s);

}  // namespace jicofo::conference
