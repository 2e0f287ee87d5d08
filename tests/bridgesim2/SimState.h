#pragma once
// The simulated modern bridge's conferences, endpoints and its log of what happened, as Colibri2Bridge keeps
// them and the listing shows them (Bridge2Listing.h).
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "protocol/colibri2/ForceMute.h"
#include "protocol/colibri2/Sources.h"
#include "protocol/jingle/Transport.h"
#include "util/Loop.h"

namespace jicofo::bridgesim2 {

struct SimEndpoint {
    std::string id, statsId;
    bool iceControlling = false;
    bool sctp = false;
    protocol::jingle::Transport local;   // what the bridge answered on create
    protocol::jingle::Transport remote;  // merged from the focus's updates (client's ufrag, candidates, …)
    std::optional<protocol::colibri2::Sources> sources;  // last complete set
    std::vector<std::string> medias;                     // media types announced
    std::vector<int> payloadTypes;                       // ids, in order, deduplicated
    std::optional<protocol::colibri2::ForceMute> forceMute;
    uint32_t updates = 0;  // requests that touched it after its creation
};

struct SimConference {
    std::string meetingId, name;
    std::string focus;                      // 'from' of the creating request
    uint32_t audioSsrc = 0, videoSsrc = 0;  // feedback sources jvb-a0, jvb-v0
    std::map<std::string, SimEndpoint> endpoints;
    util::TimePoint lastActivity{};
};

// One thing the bridge did, for tests to assert on after the fact (an expired endpoint is gone from the
// conferences but stays here). kind: conference-create, conference-expire, endpoint-create, endpoint-update,
// endpoint-expire, error. detail: why a conference expired (request | empty | idle), the error's
// condition/reason, the source names an update carried.
struct SimEvent {
    uint64_t n = 0;
    std::string kind, meetingId, endpoint, detail;
};

inline constexpr size_t kMaxEvents = 500;

}  // namespace jicofo::bridgesim2
