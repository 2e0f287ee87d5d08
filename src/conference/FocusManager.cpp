#include "conference/FocusManager.h"

#include <utility>

#include "log/Log.h"
#include "protocol/focus/FocusErrors.h"
#include "protocol/focus/MuteIq.h"

namespace jicofo::conference {

using protocol::ConferenceIq;
using protocol::Iq;
using protocol::StanzaError;

FocusManager::FocusManager(FocusContext& ctx) : ctx_(ctx) {
    if (ctx_.authority) ctx_.authority->addListener(this);
}

FocusManager::~FocusManager() {
    if (ctx_.authority) ctx_.authority->removeListener(this);
}

const Conference* FocusManager::find(const util::Jid& room) const {
    auto it = conferences_.find(room.bare());
    return it == conferences_.end() ? nullptr : it->second.get();
}

std::vector<const Conference*> FocusManager::conferences() const {
    std::vector<const Conference*> out;
    for (const auto& [jid, c] : conferences_) out.push_back(c.get());
    return out;
}

void FocusManager::reply(const Iq& iq) {
    ctx_.component.send(iq.toElement());
}

std::optional<Iq> FocusManager::handleConferenceIq(const Iq& request, const ConferenceIq& conf) {
    // A 2015 client always names the room; without one there is nothing to do (later Jicofo: bad-request
    // too).
    if (!conf.room) return request.errorReply(StanzaError::of("bad-request", "missing 'room'"));
    auto room = util::Jid::parse(*conf.room);
    if (!room || room->node().empty() || !room->isBare())
        return request.errorReply(StanzaError::of("bad-request", "'room' is not a room JID"));
    if (request.from.empty()) return request.errorReply(StanzaError::of("bad-request", "no sender"));

    bool roomExists = conferences_.count(*room) != 0;
    if (!roomExists && shuttingDown_) return request.errorReply(protocol::focus_errors::gracefulShutdown());
    // §4.3 step 3 (and §4.7: the session rules apply to existing rooms too).
    auth::AuthGrant grant;
    if (ctx_.authority) {
        auto check = ctx_.authority->authorizeConferenceRequest(request.from, *room, conf, roomExists);
        if (!check) return request.errorReply(check.error());
        grant = check.value();
    }
    auto it = conferences_.find(*room);
    if (it != conferences_.end()) return answerWhenJoined(*it->second, request, conf, grant);
    return admitNewRoom(request, *room, conf, grant);
}

bool FocusManager::startConference(const util::Jid& room, Conference::JoinWaiter done) {
    if (shuttingDown_) return false;
    auto it = conferences_.find(room.bare());
    Conference& conference = it != conferences_.end()
                                 ? *it->second
                                 : launch(room.bare(), ConferenceProperties{}, ctx_.settings.focusUserJid);
    // Told once, also when the conference throws (the waiter may have run before the throw).
    auto waiter = std::make_shared<Conference::JoinWaiter>(std::move(done));
    auto once = [waiter](Conference::JoinOutcome outcome) {
        if (auto w = std::exchange(*waiter, nullptr)) w(outcome);
    };
    if (!guarded(room, [&] { conference.whenJoined(once); })) once(Conference::JoinOutcome::Failed);
    return true;
}

std::optional<Iq> FocusManager::handleJingle(const Iq& request, const protocol::jingle::Jingle& jingle) {
    auto it = conferences_.find(request.from.bare());
    if (it == conferences_.end()) {
        return request.errorReply(protocol::focus_errors::unknownSession());
    }
    std::optional<Iq> reply;
    MediaSessions* media = it->second->media();
    if (!media) return request.errorReply(StanzaError::of("service-unavailable"));
    if (!guarded(it->first, [&] { reply = media->handleJingle(request, jingle); }))
        return request.errorReply(StanzaError::of("internal-server-error"));
    return reply;
}

std::optional<Iq> FocusManager::handleMute(const Iq& request, const protocol::MuteIq& mute) {
    // 2015 did not answer these at all; the client then waited for nothing.
    if (!mute.jid || !mute.mute)
        return request.errorReply(StanzaError::of("bad-request", "mute needs a 'jid' and a true/false text"));
    // Prosody sends an occupant's IQ from its occupant JID, so the sender's room is the bare 'from'. A mute
    // from anything else (a real JID writing to our full JID) is in no room of ours.
    auto it = conferences_.find(request.from.bare());
    if (it == conferences_.end()) {
        JLOG(info) << "mute from " << request.from.str() << " refused: not in a conference room";
        return request.errorReply(StanzaError::of("forbidden", "not an occupant of a conference room"));
    }
    std::optional<Iq> reply;
    if (!guarded(it->first, [&] { reply = it->second->handleMute(request, *mute.jid, *mute.mute); }))
        return request.errorReply(StanzaError::of("internal-server-error"));
    return reply;
}

void FocusManager::destroyRoom(const util::Jid& room, const std::string& reason) {
    auto it = conferences_.find(room.bare());
    if (it == conferences_.end()) {
        JLOG_ROOM(info, room.str()) << "no conference left to destroy (" << reason << ")";
        return;
    }
    guarded(it->first, [&] { it->second->destroyRoom(reason); });
}

void FocusManager::onSessionBound(const auth::AuthSession&, const util::Jid& fullJid, const util::Jid&) {
    // The JID may already sit in any of our rooms (a client re-sending its request, or using one session in
    // several rooms): each conference grants owner if it is one of its occupants.
    // A named entry, not a structured binding: clang 14 (the TSan build) cannot capture bindings.
    for (auto& entry : conferences_) guarded(entry.first, [&] { entry.second->onSessionBound(fullJid); });
}

void FocusManager::handlePresence(const xml::Element& presence) {
    auto from = protocol::fromOf(presence);
    if (from.empty()) return;
    auto it = conferences_.find(from.bare());
    if (it == conferences_.end()) return;
    guarded(it->first, [&] { it->second->handlePresence(presence); });
}

void FocusManager::onClientConnected() {
    // A named entry, not a structured binding: clang 14 (the TSan build) cannot capture bindings.
    for (auto& entry : conferences_) guarded(entry.first, [&] { entry.second->onClientConnected(); });
}

void FocusManager::onClientDisconnected(const std::string& reason) {
    JLOG(warning) << "focus user stream lost (" << reason << "); " << conferences_.size()
                  << " conference(s) will rejoin their rooms when it is back";
    // A named entry, not a structured binding: clang 14 (the TSan build) cannot capture bindings.
    for (auto& entry : conferences_) guarded(entry.first, [&] { entry.second->onClientDisconnected(); });
}

void FocusManager::onConferenceEnded(Conference& conference, const std::string&) {
    auto it = conferences_.find(conference.roomJid());
    if (it == conferences_.end() || it->second.get() != &conference) return;
    if (auto key = creatorOf_.find(conference.roomJid()); key != creatorOf_.end()) {
        auto creator = perCreator_.find(key->second);
        if (creator != perCreator_.end() && --creator->second == 0) perCreator_.erase(creator);
        creatorOf_.erase(key);
    }
    // DISABLE_AUTOLOGIN drops the room's sessions; the reservation is deleted (2015 lost this call when
    // authentication was on too, docs/protocol.md §6.7).
    if (ctx_.authority) ctx_.authority->onConferenceEnded(conference.roomJid());
    if (ctx_.reservations) ctx_.reservations->conferenceEnded(conference.roomJid());
    // Destroyed later: we may be inside one of its own callbacks now.
    std::shared_ptr<Conference> dying(std::move(it->second));
    conferences_.erase(it);
    domains_.erase(conference.roomJid());
    ctx_.loop.post([dying] {});
    checkIdle();
}

void FocusManager::startGracefulShutdown(std::function<void()> onIdle) {
    shuttingDown_ = true;
    onIdle_ = std::move(onIdle);
    JLOG(info) << "graceful shutdown: refusing new conferences, " << conferences_.size() << " still running";
    checkIdle();
}

void FocusManager::checkIdle() {
    if (shuttingDown_ && conferences_.empty() && onIdle_) {
        auto cb = std::move(onIdle_);
        onIdle_ = nullptr;
        ctx_.loop.post(std::move(cb));
    }
}

void FocusManager::stopAll(const std::string& reason) {
    std::vector<std::pair<util::Jid, Conference*>> all;
    for (auto& [jid, c] : conferences_) all.emplace_back(jid, c.get());
    for (auto& [jid, c] : all) {
        auto it = conferences_.find(jid);
        if (it == conferences_.end() || it->second.get() != c) continue;  // ended with another one
        guarded(jid, [&, c = c] { c->stop(reason); });
    }
}

}  // namespace jicofo::conference
