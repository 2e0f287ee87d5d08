#pragma once
// How both allocators (ColibriAllocator, Colibri2Allocator) hand an allocation's outcome to its caller, by
// MediaAllocator's rule that a callback never runs inside an allocator call: the outcome is kept in the
// attempt (marked Done, so cancel() still finds it and expires what it got) and delivered in a task of its
// own; an attempt cancelled meanwhile, or an allocator gone, gets nothing.
//
//   struct Attempt : AttemptCore { /* what this protocol needs */ };
//   finishAttempt(ctx_.loop, alive_, attempts_, h, std::move(outcome));
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "bridge/Allocation.h"
#include "protocol/stanza/StanzaError.h"
#include "util/Loop.h"

namespace jicofo::bridge {

// What both allocators keep of one allocation in progress, whatever the protocol.
struct AttemptCore {
    enum class Stage { Waiting, InFlight, Done };
    Stage stage = Stage::Waiting;
    std::uint64_t request = 0;  // which request's answer is awaited
    bool cancelled = false;
    std::optional<protocol::StanzaError> lastError;
    std::optional<util::Result<Allocation, protocol::StanzaError>> outcome;  // kept until delivered
    std::function<void(util::Result<Allocation, protocol::StanzaError>)> cb;
};

// Attempts: a map from handle to an AttemptCore-derived attempt. alive: the allocator's liveness token (it
// owns attempts).
template <typename Attempts>
void finishAttempt(util::Loop& loop, const std::shared_ptr<bool>& alive, Attempts& attempts,
                   typename Attempts::key_type h, util::Result<Allocation, protocol::StanzaError> outcome) {
    auto& a = attempts.at(h);
    a.stage = AttemptCore::Stage::Done;
    a.outcome = std::move(outcome);
    std::weak_ptr<bool> token = alive;
    loop.post([token, &attempts, h] {
        if (!token.lock()) return;
        auto it = attempts.find(h);
        if (it == attempts.end()) return;  // cancelled meanwhile
        auto cb = std::move(it->second.cb);
        auto result = std::move(*it->second.outcome);
        attempts.erase(it);
        if (cb) cb(std::move(result));
    });
}

}  // namespace jicofo::bridge
