#pragma once
// What a conference's media half needs from the focus (shared by all conferences) and from its own
// conference IQ.
#include <optional>
#include <string>

#include "bridge/Allocation.h"
#include "bridge/BridgeRegistry.h"
#include "bridge/Colibri2Allocator.h"
#include "conference/CapsCache.h"
#include "conference/ConferenceProperties.h"

namespace jicofo::conference {

struct MediaContext {
    bridge::AllocatorContext& colibri;
    bridge::BridgeRegistry& bridges;
    util::Duration discoTimeout{5000};    // disco#info of a participant (2015: Smack's 5 s)
    util::Duration jingleTimeout{20000};  // session-initiate acknowledgement (2015: 20 s)
    // Participants no bridge could take are tried again this often (and at once when a bridge comes up).
    util::Duration bridgeRetryInterval{5000};
    // Verified XEP-0115 caps, shared by every conference of the focus: a known ver skips the disco#info.
    CapsCache caps{};
    // Modern bridges of the brewery (issue 13); null: 2015 bridges only.
    bridge::Colibri2Context* colibri2 = nullptr;
    // Rooms of this focus with endpoints on each bridge generation (RoomBridges spreads new rooms).
    struct RoomsPerGeneration {
        std::size_t colibri1 = 0, colibri2 = 0;
    } roomsPerGeneration{};
};

}  // namespace jicofo::conference
