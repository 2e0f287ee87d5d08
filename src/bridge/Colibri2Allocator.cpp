// Colibri2Allocator: the allocation path (bridge choice, create once, answers, errors and moving on).
// Updates, expiry and losing the bridge are in Colibri2AllocatorEndpoints.cpp.
#include "bridge/Colibri2Allocator.h"

#include <algorithm>

#include "log/Log.h"
#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/jingle/JingleNamespaces.h"
#include "util/Ids.h"

namespace jicofo::bridge {

using protocol::StanzaError;
namespace colibri2 = protocol::colibri2;

Colibri2Allocator::Colibri2Allocator(Colibri2Context& ctx, const util::Jid& room, std::string meetingId,
                                     AllocatorListener* listener)
    : ctx_(ctx),
      room_(room.bare()),
      meetingId_(meetingId.empty() ? util::randomUuid() : std::move(meetingId)),
      listener_(listener) {
    ctx_.brewery.addListener(this);
}

Colibri2Allocator::~Colibri2Allocator() {
    ctx_.brewery.removeListener(this);
    expireAll();
}

MediaAllocator::Handle Colibri2Allocator::allocate(
    const std::string& endpoint, const std::vector<protocol::jingle::Content>& offerTemplate,
    const protocol::colibri::AllocateOptions& options, const std::optional<util::Jid>& hint,
    AllocateCallback cb) {
    Handle h = nextHandle_++;
    Attempt& a = attempts_[h];
    a.endpoint = endpoint;
    a.offerTemplate = offerTemplate;
    a.hint = hint;
    a.region = options.region;
    a.cb = std::move(cb);
    tryNext(h);
    return h;
}

bool Colibri2Allocator::canAllocate() const {
    if (session_) return true;
    return ctx_.brewery.select(std::nullopt, "").has_value();
}

// The room's bridge while it has one; else the brewery's choice among the bridges this allocation has not
// given up (a hint naming a brewery bridge first, then the participant's region, then any).
std::optional<util::Jid> Colibri2Allocator::pick(const Attempt& a) const {
    if (session_) {
        if (a.tried.count(session_->bridge)) return std::nullopt;
        return session_->bridge;
    }
    auto bridges = ctx_.brewery.bridges();
    bridges.erase(std::remove_if(bridges.begin(), bridges.end(),
                                 [&](const BreweryBridge& b) { return a.tried.count(b.jid) > 0; }),
                  bridges.end());
    const auto& selector = ctx_.brewery.selector();
    if (a.hint)
        if (auto hinted = selector.select(bridges, a.hint, a.region, ctx_.loop.now())) return hinted;
    return selector.select(bridges, std::nullopt, a.region, ctx_.loop.now());
}

void Colibri2Allocator::tryNext(Handle h) {
    Attempt& a = attempts_.at(h);
    if (a.cancelled) {
        attempts_.erase(h);
        forgetIfIdle();
        return;
    }
    if (!ctx_.channel.isConnected())
        return finish(h, StanzaError::of("service-unavailable", "the focus user's stream is down"));
    auto bridge = pick(a);
    if (!bridge) {
        std::string why = a.tried.empty() ? "no bridge in the brewery" : "every brewery bridge failed";
        if (a.lastError) why += " (last: " + a.lastError->condition + ")";
        JLOG_ROOM(error, room_.str()) << "cannot allocate an endpoint for " << a.endpoint << ": " << why;
        return finish(h, StanzaError::of("service-unavailable", why));
    }
    startOn(h, *bridge);
}

void Colibri2Allocator::startOn(Handle h, const util::Jid& bridge) {
    Attempt& a = attempts_.at(h);
    a.bridge = bridge;
    if (!session_) {
        session_.emplace();
        session_->bridge = bridge;
        JLOG_ROOM(info, room_.str()) << "using Colibri2 bridge " << bridge.str() << " (meeting-id "
                                     << meetingId_ << ", chosen for " << a.endpoint << ", region '"
                                     << a.region << "')";
    }
    Session& s = *session_;
    if (!s.created && s.creating) {
        a.stage = Stage::Waiting;  // the conference is being created: wait for that answer
        s.waiting.push_back(h);
        return;
    }
    a.withCreate = !s.created;
    if (a.withCreate) s.creating = true;
    send(h);
}

void Colibri2Allocator::send(Handle h) {
    Attempt& a = attempts_.at(h);
    a.stage = Stage::InFlight;
    a.request = nextRequest_++;
    colibri2::EndpointOptions o;
    o.meetingId = meetingId_;
    o.conferenceName = room_.str();
    o.createConference = a.withCreate;
    o.endpoint = a.endpoint;
    o.statsId = a.endpoint;
    auto request = colibri2::buildCreateEndpoint(a.offerTemplate, {}, o);
    JLOG_ROOM(debug, room_.str()) << "creating endpoint " << a.endpoint << " on " << a.bridge.str()
                                  << (a.withCreate ? " with the conference" : "");
    std::weak_ptr<bool> alive = alive_;
    Colibri2Expiry* expiry = &ctx_.expiry;  // outlives every allocator
    ctx_.router.sendRequest(protocol::Iq::request(protocol::IqType::Set, a.bridge, request.toElement()),
                            ctx_.requestTimeout,
                            [this, alive, expiry, h, request = a.request, bridge = a.bridge,
                             endpoint = a.endpoint, meetingId = meetingId_, room = room_](IqResult r) {
                                if (alive.lock()) {
                                    auto it = attempts_.find(h);
                                    if (it != attempts_.end() && it->second.stage == Stage::InFlight &&
                                        it->second.request == request)
                                        return onReply(h, std::move(r));
                                }
                                // Nobody waits for this endpoint any more: give it back.
                                if (r) expiry->expireEndpoint(bridge, room, meetingId, endpoint);
                            });
}

void Colibri2Allocator::onReply(Handle h, IqResult reply) {
    Attempt& a = attempts_.at(h);
    if (!reply) return onError(h, reply.error());
    const protocol::Iq& iq = reply.value();
    std::optional<colibri2::Allocation> answer;
    std::string problem = "no conference-modified";
    if (iq.payload && colibri2::ConferenceModified::isConferenceModified(*iq.payload)) {
        auto modified = colibri2::ConferenceModified::parse(*iq.payload);
        auto read = modified ? colibri2::readAllocation(*modified, a.endpoint)
                             : protocol::ParseResult<colibri2::Allocation>(modified.error());
        if (read)
            answer = std::move(read.value());
        else
            problem = read.error().text;
    }
    if (!answer) {
        // A bridge that answers nonsense is not usable; what it may have created goes.
        if (a.withCreate) session_->created = true;
        ctx_.expiry.expireEndpoint(a.bridge, room_, meetingId_, a.endpoint);
        return onError(h, StanzaError::of("undefined-condition", "bad answer: " + problem));
    }
    onCreated(h, *answer);
}

Allocation Colibri2Allocator::makeAllocation(const Attempt& a, const colibri2::Allocation& answer,
                                             std::uint64_t serial) const {
    Allocation out;
    out.bridge = a.bridge;
    out.channels.conferenceId = meetingId_;
    out.channels.endpoint = a.endpoint;
    Colibri2Endpoint ep;
    ep.serial = serial;
    ep.webSockets = answer.webSockets;
    ep.sctpPort = answer.sctpPort;
    for (const auto& c : a.offerTemplate) {
        std::string media = protocol::jingle::mediaOf(c);
        ep.transports[c.name] = answer.transport;  // one bundle transport for every content
        auto ssrc = answer.feedbackSsrcs.find(media);
        if (ssrc != answer.feedbackSsrcs.end()) ep.feedbackSsrcs[c.name] = ssrc->second;
    }
    out.colibri2 = std::move(ep);
    return out;
}

void Colibri2Allocator::onCreated(Handle h, const colibri2::Allocation& answer) {
    Attempt& a = attempts_.at(h);
    Session& s = *session_;
    bool released = !s.created;
    if (!s.created) {
        s.created = true;
        s.creating = false;
        JLOG_ROOM(info, room_.str()) << "Colibri2 conference " << meetingId_ << " created on "
                                     << a.bridge.str();
    }
    ctx_.brewery.markOperational(a.bridge);
    if (a.cancelled) {
        ctx_.expiry.expireEndpoint(a.bridge, room_, meetingId_, a.endpoint);
        attempts_.erase(h);
    } else {
        // The same endpoint allocated twice without an expire between: the bridge replaced it.
        if (!s.live.count(a.endpoint)) ctx_.brewery.endpointAdded(a.bridge);
        std::uint64_t serial = nextSerial_++;
        s.live[a.endpoint] = serial;
        finish(h, makeAllocation(a, answer, serial));
    }
    if (released) releaseWaiting(true);
    forgetIfIdle();
}

// The conference's first request was answered (created) or failed without leaving a conference: those
// waiting go now, without create, or the first of them creates it.
void Colibri2Allocator::releaseWaiting(bool created) {
    if (!session_) return;
    std::deque<Handle> waiting;
    waiting.swap(session_->waiting);
    if (!created) session_->creating = false;
    for (Handle w : waiting) {
        if (!attempts_.count(w)) continue;
        if (session_)
            startOn(w, session_->bridge);
        else
            tryNext(w);
    }
}

void Colibri2Allocator::onError(Handle h, const StanzaError& error) {
    Attempt& a = attempts_.at(h);
    util::Jid bridge = a.bridge;
    auto c2 = colibri2::Colibri2Error::fromStanzaError(error);
    std::optional<colibri2::Colibri2Reason> reason;
    if (c2) reason = c2->reason;
    auto is = [&](colibri2::Colibri2Reason r) { return reason && *reason == r; };
    JLOG_ROOM(warning, room_.str()) << "endpoint " << a.endpoint << " on " << bridge.str()
                                    << " refused: " << error.condition
                                    << (reason ? std::string(" ") + colibri2::toString(*reason) : "")
                                    << (error.text.empty() ? "" : " (" + error.text + ")");
    a.lastError = error;
    if (!ctx_.channel.isConnected()) {
        // Our stream went down, not the bridge: this allocation ends (tryNext says so), the room keeps its
        // conference.
        if (a.withCreate) releaseWaiting(false);
        tryNext(h);
        return forgetIfIdle();
    }
    if (is(colibri2::Colibri2Reason::ConferenceAlreadyExists) && a.withCreate) {
        session_->created = true;
        session_->creating = false;
        a.withCreate = false;
        send(h);
        return releaseWaiting(true);
    }
    if (is(colibri2::Colibri2Reason::ConferenceNotFound) && a.recreations++ < 2) {
        // The bridge ended the conference (it does so when the last endpoint goes): whoever was on it is
        // lost, and this allocation creates it again.
        dropSession("the bridge has no conference " + meetingId_ + " any more", false);
        return;
    }
    if (error.condition == "bad-request" && !reason) {
        // The bridge refused the request itself: retrying would not help (docs/media.md §2b's error table).
        if (a.withCreate) releaseWaiting(false);
        finish(h, error);
        return forgetIfIdle();
    }
    if (is(colibri2::Colibri2Reason::GracefulShutdown))
        ctx_.brewery.markGracefulShutdown(bridge);
    else
        ctx_.brewery.markFailed(bridge);
    for (auto& [other, attempt] : attempts_)  // none of the room's allocations goes back there
        if (attempt.bridge == bridge) attempt.tried.insert(bridge);
    dropSession("bridge " + bridge.str() + " answered " + error.condition, true);
}

void Colibri2Allocator::finish(Handle h, util::Result<Allocation, StanzaError> outcome) {
    finishAttempt(ctx_.loop, alive_, attempts_, h, std::move(outcome));
}

void Colibri2Allocator::cancel(Handle h) {
    auto it = attempts_.find(h);
    if (it == attempts_.end()) return;
    Attempt& a = it->second;
    switch (a.stage) {
        case Stage::Waiting:
            if (session_) {
                auto& q = session_->waiting;
                q.erase(std::remove(q.begin(), q.end(), h), q.end());
            }
            attempts_.erase(it);
            break;
        case Stage::InFlight:
            // The answer still matters (it may create the conference); onCreated expires the endpoint.
            a.cancelled = true;
            a.cb = nullptr;
            return;
        case Stage::Done:
            if (a.outcome && a.outcome->ok()) expire(a.outcome->value());
            attempts_.erase(h);
            break;
    }
    forgetIfIdle();
}

}  // namespace jicofo::bridge
