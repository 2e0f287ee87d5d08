// Colibri2Allocator: live endpoints — updates, expiry, conference end and leaving the bridge.
#include <algorithm>

#include "bridge/Colibri2Allocator.h"
#include "log/Log.h"
#include "protocol/colibri2/Colibri2Error.h"

namespace jicofo::bridge {

using protocol::StanzaError;
namespace colibri2 = protocol::colibri2;

void Colibri2Allocator::onBridgeDown(const util::Jid& bridge) {
    if (!session_ || session_->bridge != bridge) return;
    for (auto& [h, a] : attempts_)
        if (a.bridge == bridge) a.tried.insert(bridge);
    dropSession("bridge " + bridge.str() + " is down", true);
}

// The room leaves its bridge: its endpoints there are expired (when the bridge may still hold them) and
// reported lost, allocations on it start again on another bridge (or on a new conference of the same one).
void Colibri2Allocator::dropSession(const std::string& why, bool expireThere) {
    if (!session_) return;
    Session s = std::move(*session_);
    session_.reset();
    JLOG_ROOM(warning, room_.str()) << "leaving Colibri2 conference " << meetingId_ << " on "
                                    << s.bridge.str() << ": " << why;
    std::vector<std::string> lost;
    for (const auto& [endpoint, serial] : s.live) lost.push_back(endpoint);
    if (!lost.empty()) ctx_.brewery.endpointsRemoved(s.bridge, static_cast<int>(lost.size()));
    if (expireThere && (s.created || s.creating)) ctx_.expiry.expireConference(s.bridge, room_, meetingId_);
    std::vector<Handle> moving;
    for (const auto& [h, a] : attempts_)
        if (a.bridge == s.bridge && a.stage != Stage::Done) moving.push_back(h);
    std::sort(moving.begin(), moving.end());  // in the order they were asked for
    for (Handle h : moving) {
        Attempt& a = attempts_.at(h);
        a.request = 0;  // a late answer to the old request is expired, not used
        a.stage = Stage::Waiting;
    }
    for (Handle h : moving)
        if (attempts_.count(h)) tryNext(h);
    reportLost(s.bridge, std::move(lost));
}

void Colibri2Allocator::reportLost(const util::Jid& bridge, std::vector<std::string> endpoints) {
    if (endpoints.empty() || !listener_) return;
    JLOG_ROOM(warning, room_.str()) << endpoints.size() << " participant(s) lost with bridge "
                                    << bridge.str();
    std::weak_ptr<bool> alive = alive_;
    ctx_.loop.post([this, alive, bridge, endpoints] {
        if (alive.lock() && listener_) listener_->onParticipantsLost(bridge, endpoints);
    });
}

bool Colibri2Allocator::isLive(const Allocation& a) const {
    if (!a.colibri2 || !session_ || session_->bridge != a.bridge) return false;
    auto it = session_->live.find(a.endpoint());
    return it != session_->live.end() && it->second == a.colibri2->serial;
}

void Colibri2Allocator::accepted(const Allocation& allocation, const protocol::jingle::Jingle& accept,
                                 const protocol::jingle::MediaSources& sources,
                                 const std::vector<std::string>&) {
    const protocol::jingle::Transport* transport = nullptr;
    for (const auto& c : accept.contents)
        if (c.transport) {
            transport = &*c.transport;  // bundled: the first content's transport is everyone's
            break;
        }
    update(allocation, colibri2::buildEndpointUpdate(meetingId_, allocation.endpoint(), transport, &sources),
           "session-accept");
}

void Colibri2Allocator::sourcesChanged(const Allocation& allocation,
                                       const protocol::jingle::MediaSources& sources) {
    update(allocation, colibri2::buildEndpointUpdate(meetingId_, allocation.endpoint(), nullptr, &sources),
           "sources");
}

void Colibri2Allocator::transportInfo(const Allocation& allocation,
                                      const std::vector<protocol::jingle::Content>& contents,
                                      const std::vector<std::string>&) {
    for (const auto& c : contents)
        if (c.transport)
            return update(
                allocation,
                colibri2::buildEndpointUpdate(meetingId_, allocation.endpoint(), &*c.transport, nullptr),
                "transport-info");
}

void Colibri2Allocator::update(const Allocation& allocation, colibri2::ConferenceModify request,
                               const char* what) {
    if (!isLive(allocation)) {
        JLOG_ROOM(debug, room_.str())
            << what << " update for " << allocation.endpoint() << " dropped: endpoint gone";
        return;
    }
    updates_.send(
        protocol::Iq::request(protocol::IqType::Set, allocation.bridge, request.toElement()),
        ctx_.requestTimeout, [this, allocation, what](const util::Result<protocol::Iq, StanzaError>& r) {
            if (r) return;
            JLOG_ROOM(info, room_.str()) << what << " update of " << allocation.endpoint() << " refused by "
                                         << allocation.bridge.str() << ": " << r.error().condition;
            if (isLive(allocation)) onUpdateError(allocation.bridge, allocation.endpoint(), r.error());
        });
}

void Colibri2Allocator::forceMute(const Allocation& allocation, bool audio, bool video, UpdateCallback cb) {
    std::weak_ptr<bool> alive = alive_;
    if (!isLive(allocation)) {
        ctx_.loop.post([alive, cb] {
            if (alive.lock() && cb) cb(StanzaError::of("item-not-found", "the endpoint is gone"));
        });
        return;
    }
    auto request = colibri2::buildForceMute(meetingId_, allocation.endpoint(), {audio, video, {}});
    updates_.send(
        protocol::Iq::request(protocol::IqType::Set, allocation.bridge, request.toElement()),
        ctx_.requestTimeout, [this, allocation, cb](const util::Result<protocol::Iq, StanzaError>& r) {
            if (!r) {
                JLOG_ROOM(info, room_.str()) << "force-mute of " << allocation.endpoint() << " refused by "
                                             << allocation.bridge.str() << ": " << r.error().condition;
                if (isLive(allocation)) onUpdateError(allocation.bridge, allocation.endpoint(), r.error());
            }
            if (cb) cb(r);
        });
}

void Colibri2Allocator::onUpdateError(const util::Jid& bridge, const std::string& endpoint,
                                      const StanzaError& e) {
    if (!ctx_.channel.isConnected()) return;  // our stream, not the bridge
    auto c2 = colibri2::Colibri2Error::fromStanzaError(e);
    std::optional<colibri2::Colibri2Reason> reason;
    if (c2) reason = c2->reason;
    using R = colibri2::Colibri2Reason;
    if (reason && *reason == R::UnknownEndpoint) {
        // The bridge lost that endpoint (e.g. its own idle expiry): that participant is re-invited.
        session_->live.erase(endpoint);
        ctx_.brewery.endpointsRemoved(bridge);
        reportLost(bridge, {endpoint});
        forgetIfIdle();
        return;
    }
    if (reason && *reason == R::ConferenceNotFound)
        return dropSession("the bridge has no conference " + meetingId_ + " any more", false);
    if (e.condition == "bad-request" && !reason) return;  // the bridge refused this update only
    if (reason && *reason == R::GracefulShutdown)
        ctx_.brewery.markGracefulShutdown(bridge);
    else
        ctx_.brewery.markFailed(bridge);
    dropSession("bridge " + bridge.str() + " failed an update (" + e.condition + ")", true);
}

void Colibri2Allocator::expire(const Allocation& allocation) {
    if (!isLive(allocation)) return;
    session_->live.erase(allocation.endpoint());
    ctx_.brewery.endpointsRemoved(allocation.bridge);
    ctx_.expiry.expireEndpoint(allocation.bridge, room_, meetingId_, allocation.endpoint());
    forgetIfIdle();
}

void Colibri2Allocator::expireAll() {
    if (session_) {
        if (!session_->live.empty())
            ctx_.brewery.endpointsRemoved(session_->bridge, static_cast<int>(session_->live.size()));
        if (session_->created) ctx_.expiry.expireConference(session_->bridge, room_, meetingId_);
        // A create still in flight: its answer finds no attempt and expires its endpoint, which ends the
        // conference on the bridge.
    }
    session_.reset();
    attempts_.clear();
}

// With no endpoint left and nothing on its way, the bridge ends the conference by itself (docs/media.md §2b
// "Expire"): the room forgets it, and its next allocation creates one again.
void Colibri2Allocator::forgetIfIdle() {
    if (!session_ || !session_->live.empty() || session_->creating || !session_->waiting.empty()) return;
    for (const auto& [h, a] : attempts_)
        if (a.bridge == session_->bridge && a.stage != Stage::Done) return;
    if (session_->created)
        JLOG_ROOM(info, room_.str()) << "no endpoint left on " << session_->bridge.str()
                                     << ": its conference ends by itself";
    session_.reset();
}

void Colibri2Allocator::setMeetingId(const std::string& meetingId) {
    if (meetingId.empty() || meetingId == meetingId_) return;
    if (session_ || !attempts_.empty()) {
        JLOG_ROOM(info, room_.str()) << "meeting id " << meetingId << " not taken: conference " << meetingId_
                                     << " is in use";
        return;
    }
    meetingId_ = meetingId;
}

std::vector<util::Jid> Colibri2Allocator::bridgesInUse() const {
    if (session_ && !session_->live.empty()) return {session_->bridge};
    return {};
}

std::vector<std::string> Colibri2Allocator::endpoints() const {
    std::vector<std::string> out;
    if (session_)
        for (const auto& [endpoint, serial] : session_->live) out.push_back(endpoint);
    return out;
}

std::size_t Colibri2Allocator::pendingCount() const {
    std::size_t n = 0;
    for (const auto& [h, a] : attempts_)
        if (!a.cancelled) ++n;
    return n;
}

}  // namespace jicofo::bridge
