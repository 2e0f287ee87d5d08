// ColibriAllocator: the allocation path (candidates, serialisation per bridge, answers, failover).
// Updates, expiry and bridge loss are in ColibriAllocatorChannels.cpp.
#include "bridge/ColibriAllocator.h"

#include <algorithm>

#include "bridge/ColibriExpiry.h"
#include "log/Log.h"

namespace jicofo::bridge {

using protocol::StanzaError;
using protocol::colibri::ColibriConference;
using protocol::colibri::ParticipantChannels;

ColibriAllocator::ColibriAllocator(AllocatorContext& ctx, const util::Jid& room, AllocatorListener* listener)
    : ctx_(ctx), room_(room), name_(room.node()), listener_(listener) {
    ctx_.registry.addListener(this);
}

ColibriAllocator::~ColibriAllocator() {
    ctx_.registry.removeListener(this);
    expireAll();
}

ColibriAllocator::Handle ColibriAllocator::allocate(
    const std::string& endpoint, const std::vector<protocol::jingle::Content>& offerTemplate,
    protocol::colibri::AllocateOptions options, const std::optional<util::Jid>& bridgeHint,
    AllocateCallback cb) {
    Handle h = nextHandle_++;
    Attempt& a = attempts_[h];
    a.endpoint = endpoint;
    a.offerTemplate = offerTemplate;
    a.options = std::move(options);
    a.candidates = candidates(bridgeHint);
    a.cb = std::move(cb);
    tryNext(h);
    return h;
}

// The bridge holding most of the room goes first whatever the selector thinks of it: a participant on
// another bridge could not see the others. Then the selector's order for this conference's hint.
std::vector<util::Jid> ColibriAllocator::candidates(const std::optional<util::Jid>& hint) const {
    auto order = ctx_.selector.order(ctx_.registry.bridges(), hint, ctx_.loop.now());
    const util::Jid* roomBridge = nullptr;
    std::size_t best = 0;
    for (const auto& [jid, s] : sessions_) {
        std::size_t weight = s.live.size() + s.waiting.size() + (s.creating || !s.id.empty() ? 1 : 0);
        if (weight > best) {
            best = weight;
            roomBridge = &jid;
        }
    }
    if (roomBridge) {
        order.erase(std::remove(order.begin(), order.end(), *roomBridge), order.end());
        order.insert(order.begin(), *roomBridge);
    }
    return order;
}

void ColibriAllocator::tryNext(Handle h) {
    Attempt& a = attempts_.at(h);
    if (a.cancelled) {
        attempts_.erase(h);
        return;
    }
    if (!ctx_.channel.isConnected()) {
        finish(h, StanzaError::of("service-unavailable", "the focus user's stream is down"));
        return;
    }
    if (a.next >= a.candidates.size()) {
        std::string why = a.candidates.empty() ? "no bridge available" : "every bridge failed";
        if (a.lastError) why += " (last: " + a.lastError->condition + ")";
        JLOG_ROOM(error, room_.str()) << "cannot allocate channels for " << a.endpoint << ": " << why;
        finish(h, StanzaError::of("service-unavailable", why));
        return;
    }
    startOn(h, a.candidates[a.next++]);
}

void ColibriAllocator::startOn(Handle h, const util::Jid& bridge) {
    Attempt& a = attempts_.at(h);
    a.bridge = bridge;
    Session& s = sessions_[bridge];
    if (s.id.empty() && s.creating) {
        // §2.2: the bridge conference is being created; this one needs its id.
        a.stage = Stage::Waiting;
        s.waiting.push_back(h);
        return;
    }
    if (s.id.empty()) s.creating = true;
    send(h);
}

void ColibriAllocator::send(Handle h) {
    Attempt& a = attempts_.at(h);
    const Session& s = sessions_.at(a.bridge);
    a.stage = Stage::InFlight;
    a.request = nextRequest_++;
    protocol::colibri::AllocateOptions opts = a.options;
    opts.conferenceId = s.id;
    opts.conferenceName = name_;
    opts.endpoint = a.endpoint;
    auto iq = protocol::Iq::request(protocol::IqType::Get, a.bridge,
                                    protocol::colibri::buildAllocate(a.offerTemplate, opts).toElement());
    JLOG_ROOM(debug, room_.str()) << "allocating channels for " << a.endpoint << " on " << a.bridge.str()
                                  << (s.id.empty() ? " (new conference)" : " in conference " + s.id);
    std::weak_ptr<bool> alive = alive_;
    ColibriExpiry* expiry = &ctx_.expiry;  // outlives every allocator
    ctx_.router.sendRequest(iq, ctx_.requestTimeout,
                            [this, alive, expiry, h, request = a.request, bridge = a.bridge,
                             endpoint = a.endpoint, room = room_](IqResult r) {
                                if (alive.lock()) {
                                    auto it = attempts_.find(h);
                                    if (it != attempts_.end() && it->second.stage == Stage::InFlight &&
                                        it->second.request == request)
                                        return onReply(h, std::move(r));
                                }
                                // Nobody waits for this answer any more: give the channels back.
                                if (r) expiry->expireAnswer(bridge, room, endpoint, r.value());
                            });
}

void ColibriAllocator::onReply(Handle h, IqResult reply) {
    Attempt& a = attempts_.at(h);
    if (!reply) return onFailure(h, reply.error());
    const protocol::Iq& iq = reply.value();
    if (!iq.payload || !ColibriConference::isConference(*iq.payload))
        return onFailure(h, StanzaError::of("bad-request", "allocate answer without a conference"));
    auto conf = ColibriConference::parse(*iq.payload);
    if (!conf) return onFailure(h, conf.error());
    const Session& s = sessions_.at(a.bridge);
    if (!s.id.empty() && conf->id != s.id) {
        // §2.3: a different conference than the room's; those channels are of no use.
        expireChannels(a.bridge, conf->id, {channelsToExpire(*conf, a.endpoint)});
        return onFailure(h, StanzaError::of("bad-request", "allocate answer for conference " + conf->id +
                                                               " instead of " + s.id));
    }
    auto channels = ParticipantChannels::fromAllocateResponse(*conf, a.endpoint);
    if (!channels) {
        expireChannels(a.bridge, conf->id, {channelsToExpire(*conf, a.endpoint)});
        return onFailure(h, channels.error());
    }
    onSuccess(h, std::move(channels.value()));
}

void ColibriAllocator::onSuccess(Handle h, ParticipantChannels channels) {
    Attempt& a = attempts_.at(h);
    util::Jid bridge = a.bridge;
    Session& s = sessions_.at(bridge);
    std::deque<Handle> released;
    if (s.id.empty()) {
        s.id = channels.conferenceId;
        s.creating = false;
        released.swap(s.waiting);
        JLOG_ROOM(info, room_.str()) << "Colibri conference " << s.id << " created on " << bridge.str();
    }
    ctx_.registry.markOperational(bridge);
    if (a.cancelled) {
        expireChannels(bridge, s.id, {channels});
        attempts_.erase(h);
    } else {
        auto old = s.live.find(a.endpoint);
        if (old != s.live.end()) {
            // The same endpoint allocated twice without an expire in between: keep only the new channels.
            expireChannels(bridge, s.id, {old->second});
        }
        s.live[a.endpoint] = channels;
        finish(h, Allocation{bridge, std::move(channels), std::nullopt});
    }
    for (Handle w : released) send(w);
    forgetIfIdle(bridge);
}

void ColibriAllocator::onFailure(Handle h, const StanzaError& error) {
    Attempt& a = attempts_.at(h);
    util::Jid bridge = a.bridge;
    JLOG_ROOM(warning, room_.str()) << "allocation for " << a.endpoint << " on " << bridge.str()
                                    << " failed: " << error.condition
                                    << (error.text.empty() ? "" : " (" + error.text + ")");
    if (!ctx_.channel.isConnected()) {
        // Our stream went down: not the bridge's fault. This allocation and those waiting on its answer end;
        // the room keeps its channels (the conference decides what a stream loss means for them).
        Session& s = sessions_.at(bridge);
        std::deque<Handle> waiting;
        if (s.id.empty()) {
            s.creating = false;
            waiting.swap(s.waiting);
        }
        a.lastError = error;
        tryNext(h);
        for (Handle w : waiting) tryNext(w);
        forgetIfIdle(bridge);
        return;
    }
    ctx_.registry.markFailed(bridge);
    dropBridge(bridge, error);
}

void ColibriAllocator::finish(Handle h, util::Result<Allocation, StanzaError> outcome) {
    finishAttempt(ctx_.loop, alive_, attempts_, h, std::move(outcome));
}

void ColibriAllocator::cancel(Handle h) {
    auto it = attempts_.find(h);
    if (it == attempts_.end()) return;
    Attempt& a = it->second;
    switch (a.stage) {
        case Stage::Waiting: {
            auto s = sessions_.find(a.bridge);
            if (s != sessions_.end()) {
                auto& q = s->second.waiting;
                q.erase(std::remove(q.begin(), q.end(), h), q.end());
            }
            util::Jid bridge = a.bridge;
            attempts_.erase(it);
            forgetIfIdle(bridge);
            return;
        }
        case Stage::InFlight:
            // The answer is still needed (it may create the room's conference); onSuccess expires it.
            a.cancelled = true;
            a.cb = nullptr;
            return;
        case Stage::Done: {
            util::Jid bridge = a.bridge;
            if (a.outcome && a.outcome->ok()) expire(a.outcome->value());
            attempts_.erase(h);
            forgetIfIdle(bridge);
            return;
        }
    }
}

}  // namespace jicofo::bridge
