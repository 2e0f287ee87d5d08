// FocusManager: creating a conference for a new room (docs/protocol.md §4.3 steps 4-5) and answering the
// conference IQ (§4.4). The authentication check (step 3) runs before, in handleConferenceIq.
#include "conference/FocusManager.h"
#include "log/Log.h"
#include "protocol/focus/FocusErrors.h"

namespace jicofo::conference {

using protocol::ConferenceIq;
using protocol::Iq;
using protocol::StanzaError;

std::string FocusManager::creatorKey(const util::Jid& from) const {
    // An authenticated user counts as one creator whatever guest JID it uses (an XMPP-domain login makes a
    // new session per request, each bindable to another anonymous JID).
    if (ctx_.authority)
        if (const auth::AuthSession* s = ctx_.authority->sessionForJid(from)) return s->identity;
    return from.bareStr();
}

std::optional<StanzaError> FocusManager::checkCreatorLimit(const std::string& key,
                                                           const util::Jid& room) const {
    auto it = perCreator_.find(key);
    std::size_t mine = it == perCreator_.end() ? 0 : it->second;
    if (mine < ctx_.settings.maxConferencesPerJid) return std::nullopt;
    JLOG_ROOM(warning, room.str()) << key << " has " << mine << " conferences, refusing another";
    return StanzaError::of("resource-constraint", "too many conferences");
}

std::optional<Iq> FocusManager::admitNewRoom(const Iq& request, const util::Jid& room,
                                             const ConferenceIq& conf, const auth::AuthGrant& grant) {
    if (auto refusal = checkCreatorLimit(creatorKey(request.from), room)) return request.errorReply(*refusal);
    if (!ctx_.reservations) return answerWhenJoined(create(room, conf, request.from), request, conf, grant);
    // §4.3 step 4: the owner is the identity of the requester's session (empty without authentication,
    // which 2015 answered with internal-server-error; the API then sees no mail_owner).
    const auth::AuthSession* session = ctx_.authority ? ctx_.authority->sessionForJid(request.from) : nullptr;
    std::string owner = session ? session->identity : std::string();
    std::weak_ptr<bool> alive = alive_;
    ctx_.reservations->requestNewRoom(
        room, owner, [this, alive, request, room, conf, grant](std::optional<StanzaError> refusal) {
            if (alive.expired()) return;
            if (refusal) {
                JLOG_ROOM(info, room.str()) << "reservation refused for " << request.from.str() << ": "
                                            << (refusal->text.empty() ? refusal->condition : refusal->text);
                reply(request.errorReply(*refusal));
                return;
            }
            onReservationGranted(request, room, conf, grant);
        });
    return std::nullopt;
}

void FocusManager::onReservationGranted(const Iq& request, const util::Jid& room, const ConferenceIq& conf,
                                        const auth::AuthGrant& grant) {
    // The world may have moved while the API answered: another request created the room, a graceful
    // shutdown began, or the requester reached its limit.
    auto it = conferences_.find(room);
    Conference* conference = it == conferences_.end() ? nullptr : it->second.get();
    if (!conference) {
        if (shuttingDown_) return reply(request.errorReply(protocol::focus_errors::gracefulShutdown()));
        if (auto refusal = checkCreatorLimit(creatorKey(request.from), room))
            return reply(request.errorReply(*refusal));
        conference = &create(room, conf, request.from);
    }
    if (auto now = answerWhenJoined(*conference, request, conf, grant)) reply(*now);
}

Conference& FocusManager::create(const util::Jid& room, const ConferenceIq& conf, const util::Jid& creator) {
    std::string key = creatorKey(creator);
    ++perCreator_[key];
    creatorOf_[room] = key;
    std::vector<std::string> ignored;
    auto props = ConferenceProperties::from(conf, &ignored);
    for (const auto& name : ignored)
        JLOG_ROOM(warning, room.str()) << "ignored property " << name << " (value does not parse)";
    return launch(room, std::move(props), creator);
}

std::optional<Iq> FocusManager::answerWhenJoined(Conference& conference, const Iq& request,
                                                 const ConferenceIq& conf, const auth::AuthGrant& grant) {
    // Answer once the focus is in the room (or at once if it is, or cannot be now): the 2015 focus answered
    // after a blocking join; we keep that order without blocking anyone.
    struct Reply {
        bool returned = false;
        bool failed = false;  // the conference threw: answered internal-server-error already
        std::optional<Iq> now;
    };
    auto state = std::make_shared<Reply>();
    std::weak_ptr<bool> alive = alive_;
    auto waiter = [this, alive, request, conf, grant, state](Conference::JoinOutcome outcome) {
        if (alive.expired() || state->failed) return;
        // docs/protocol.md §4.5: a failed MUC join or room configuration is an internal-server-error.
        Iq result = outcome == Conference::JoinOutcome::Failed
                        ? request.errorReply(StanzaError::of("internal-server-error"))
                        : buildResult(request, conf, outcome == Conference::JoinOutcome::Joined, grant);
        if (state->returned)
            reply(result);
        else
            state->now = std::move(result);
    };
    if (!guarded(conference.roomJid(), [&] { conference.whenJoined(waiter); })) {
        state->failed = true;
        return request.errorReply(StanzaError::of("internal-server-error"));
    }
    state->returned = true;
    return std::move(state->now);
}

Iq FocusManager::buildResult(const Iq& request, const ConferenceIq& conf, bool joined,
                             const auth::AuthGrant& grant) const {
    ConferenceIq out;
    out.room = conf.room;
    // §4.3 step 6: with a password and no authority the focus is admin and will be owner anyway; but not
    // while its user stream is down: a client told ready then creates the room itself, locked until it
    // configures it, and the focus's own join is refused when it is back (seen after Prosody restarts).
    out.ready = joined || (ctx_.settings.userHasPassword && !ctx_.authority && ctx_.client.isConnected());
    out.focusJid = ctx_.settings.focusUserJid.bareStr();
    out.sessionId = grant.sessionId;
    out.identity = grant.identity;
    out.addProperty("authentication", ctx_.authority ? "true" : "false");
    if (ctx_.authority) out.addProperty("externalAuth", ctx_.authority->isExternal() ? "true" : "false");
    return request.result(out.toElement());
}

}  // namespace jicofo::conference
