// ColibriAllocator: live channels — updates, expiry, conference end and losing a bridge.
#include <algorithm>

#include "bridge/ColibriAllocator.h"
#include "bridge/ColibriExpiry.h"
#include "log/Log.h"

namespace jicofo::bridge {

using protocol::StanzaError;
using protocol::colibri::ParticipantChannels;

namespace {

// Same channels as the ones the allocator holds (an old Allocation of a re-invited endpoint is not).
bool sameChannels(const ParticipantChannels& a, const ParticipantChannels& b) {
    if (a.conferenceId != b.conferenceId || a.contents.size() != b.contents.size()) return false;
    for (std::size_t i = 0; i < a.contents.size(); ++i) {
        const auto &x = a.contents[i], &y = b.contents[i];
        if (x.name != y.name || x.channels.size() != y.channels.size() ||
            x.sctpConnections.size() != y.sctpConnections.size())
            return false;
        for (std::size_t j = 0; j < x.channels.size(); ++j)
            if (x.channels[j].id != y.channels[j].id) return false;
        for (std::size_t j = 0; j < x.sctpConnections.size(); ++j)
            if (x.sctpConnections[j].id != y.sctpConnections[j].id) return false;
    }
    return true;
}

}  // namespace

void ColibriAllocator::onBridgeDown(const util::Jid& bridge) {
    if (!sessions_.count(bridge)) return;
    JLOG_ROOM(warning, room_.str()) << "bridge " << bridge.str() << " is down; moving off it";
    dropBridge(bridge, StanzaError::of("service-unavailable", "bridge " + bridge.str() + " is down"));
}

// The room gives the bridge up: its channels there are expired (best effort: the bridge may be alive but
// misbehaving), allocations on it move on to their next bridge, and the conference hears who was lost.
void ColibriAllocator::dropBridge(const util::Jid& bridge, const StanzaError& why) {
    std::vector<std::string> lost;
    if (auto it = sessions_.find(bridge); it != sessions_.end()) {
        Session s = std::move(it->second);
        sessions_.erase(it);
        std::vector<ParticipantChannels> channels;
        for (auto& [endpoint, pc] : s.live) {
            lost.push_back(endpoint);
            channels.push_back(pc);
        }
        expireChannels(bridge, s.id, channels);
    }
    std::vector<Handle> moving;
    for (const auto& [h, a] : attempts_)
        if (a.bridge == bridge && a.stage != Stage::Done) moving.push_back(h);
    std::sort(moving.begin(), moving.end());  // in the order they were asked for
    for (Handle h : moving) {
        Attempt& a = attempts_.at(h);
        a.lastError = why;
        a.request = 0;  // a late answer to the old request is expired, not used
        a.stage = Stage::Waiting;
        tryNext(h);
    }
    if (lost.empty() || !listener_) return;
    JLOG_ROOM(warning, room_.str()) << lost.size() << " participant(s) lost with bridge " << bridge.str();
    std::weak_ptr<bool> alive = alive_;
    ctx_.loop.post([this, alive, bridge, lost] {
        if (alive.lock() && listener_) listener_->onParticipantsLost(bridge, lost);
    });
}

void ColibriAllocator::update(const Allocation& allocation, protocol::colibri::ColibriConference payload,
                              UpdateCallback cb) {
    auto it = sessions_.find(allocation.bridge);
    bool live = false;
    if (it != sessions_.end()) {
        auto l = it->second.live.find(allocation.endpoint());
        live = l != it->second.live.end() && sameChannels(l->second, allocation.channels);
    }
    if (!live) {
        JLOG_ROOM(debug, room_.str()) << "update for " << allocation.endpoint() << " dropped: channels gone";
        std::weak_ptr<bool> alive = alive_;
        if (cb)
            ctx_.loop.post([alive, cb] {
                if (alive.lock()) cb(StanzaError::of("item-not-found", "no such channels"));
            });
        return;
    }
    payload.id = it->second.id;
    updates_.send(protocol::Iq::request(protocol::IqType::Set, allocation.bridge, payload.toElement()),
                  ctx_.requestTimeout, [this, cb, bridge = allocation.bridge](IqResult r) {
                      if (!r)
                          JLOG_ROOM(info, room_.str())
                              << "Colibri update refused by " << bridge.str() << ": " << r.error().condition;
                      if (cb) cb(r);
                  });
}

void ColibriAllocator::expire(const Allocation& allocation) {
    auto it = sessions_.find(allocation.bridge);
    if (it == sessions_.end()) return;
    Session& s = it->second;
    auto l = s.live.find(allocation.endpoint());
    if (l == s.live.end() || !sameChannels(l->second, allocation.channels)) return;
    ParticipantChannels channels = std::move(l->second);
    s.live.erase(l);
    expireChannels(allocation.bridge, s.id, {channels});
    forgetIfIdle(allocation.bridge);
}

void ColibriAllocator::expireAll() {
    for (const auto& [bridge, s] : sessions_) {
        std::vector<ParticipantChannels> channels;
        for (const auto& [endpoint, pc] : s.live) channels.push_back(pc);
        expireChannels(bridge, s.id, channels);
    }
    sessions_.clear();
    attempts_.clear();  // their answers, if any, find no attempt and are expired (ColibriAllocator::send)
}

void ColibriAllocator::expireChannels(const util::Jid& bridge, const std::string& conferenceId,
                                      const std::vector<ParticipantChannels>& channels) {
    ctx_.expiry.expire(bridge, room_, conferenceId, channels);
}

bool ColibriAllocator::busy(const util::Jid& bridge) const {
    for (const auto& [h, a] : attempts_)
        if (a.bridge == bridge && a.stage != Stage::Done) return true;
    return false;
}

void ColibriAllocator::forgetIfIdle(const util::Jid& bridge) {
    auto it = sessions_.find(bridge);
    if (it == sessions_.end()) return;
    const Session& s = it->second;
    if (s.live.empty() && !s.creating && s.waiting.empty() && !busy(bridge)) sessions_.erase(it);
}

std::vector<std::string> ColibriAllocator::endpointsOn(const util::Jid& bridge) const {
    std::vector<std::string> out;
    if (auto it = sessions_.find(bridge); it != sessions_.end())
        for (const auto& [endpoint, pc] : it->second.live) out.push_back(endpoint);
    return out;
}

std::vector<util::Jid> ColibriAllocator::bridgesInUse() const {
    std::vector<util::Jid> out;
    for (const auto& [bridge, s] : sessions_)
        if (!s.live.empty()) out.push_back(bridge);
    return out;
}

std::string ColibriAllocator::conferenceId(const util::Jid& bridge) const {
    auto it = sessions_.find(bridge);
    return it == sessions_.end() ? std::string() : it->second.id;
}

std::size_t ColibriAllocator::pendingCount() const {
    std::size_t n = 0;
    for (const auto& [h, a] : attempts_)
        if (!a.cancelled) ++n;
    return n;
}

}  // namespace jicofo::bridge
