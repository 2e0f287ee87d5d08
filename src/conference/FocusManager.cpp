#include "conference/FocusManager.h"

#include "log/Log.h"
#include "protocol/focus/FocusErrors.h"

namespace jicofo::conference {

using protocol::ConferenceIq;
using protocol::Iq;
using protocol::StanzaError;

FocusManager::FocusManager(FocusContext& ctx) : ctx_(ctx) {}

FocusManager::~FocusManager() = default;

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

std::optional<Iq> FocusManager::handleConferenceIq(const Iq& request) {
    auto parsed = ConferenceIq::parse(*request.payload);
    if (!parsed) return request.errorReply(parsed.error());
    const ConferenceIq& conf = parsed.value();
    // A 2015 client always names the room; without one there is nothing to do (later Jicofo: bad-request
    // too).
    if (!conf.room) return request.errorReply(StanzaError::of("bad-request", "missing 'room'"));
    auto room = util::Jid::parse(*conf.room);
    if (!room || room->node().empty() || !room->isBare())
        return request.errorReply(StanzaError::of("bad-request", "'room' is not a room JID"));
    if (request.from.empty()) return request.errorReply(StanzaError::of("bad-request", "no sender"));

    auto it = conferences_.find(*room);
    bool roomExists = it != conferences_.end();
    if (!roomExists) {
        if (shuttingDown_) return request.errorReply(protocol::focus_errors::gracefulShutdown());
        // (Authentication and reservation checks come here, PROTOCOL.md §4.3 steps 3-4.)
        std::size_t& mine = perCreator_[request.from.bareStr()];
        if (mine >= ctx_.settings.maxConferencesPerJid) {
            JLOG_ROOM(warning, room->str())
                << request.from.bareStr() << " has " << mine << " conferences, refusing another";
            return request.errorReply(StanzaError::of("resource-constraint", "too many conferences"));
        }
        ++mine;
        std::vector<std::string> ignored;
        auto props = ConferenceProperties::from(conf, &ignored);
        for (const auto& name : ignored)
            JLOG_ROOM(warning, room->str()) << "ignored property " << name << " (value does not parse)";
        ConferenceListener& self = *this;
        auto created = std::make_unique<Conference>(ctx_, *room, std::move(props), request.from, self);
        it = conferences_.emplace(*room, std::move(created)).first;
        it->second->start();
    }
    // Answer once the focus is in the room (or at once if it is, or cannot be now): the 2015 focus answered
    // after a blocking join; we keep that order without blocking anyone.
    struct Reply {
        bool returned = false;
        std::optional<Iq> now;
    };
    auto state = std::make_shared<Reply>();
    std::weak_ptr<bool> alive = alive_;
    it->second->whenJoined([this, alive, request, conf, state](Conference::JoinOutcome outcome) {
        if (alive.expired()) return;
        // PROTOCOL.md §4.5: a failed MUC join or room configuration is an internal-server-error.
        Iq result = outcome == Conference::JoinOutcome::Failed
                        ? request.errorReply(StanzaError::of("internal-server-error"))
                        : buildResult(request, conf, outcome == Conference::JoinOutcome::Joined);
        if (state->returned)
            reply(result);
        else
            state->now = std::move(result);
    });
    state->returned = true;
    return std::move(state->now);
}

Iq FocusManager::buildResult(const Iq& request, const ConferenceIq& conf, bool joined) const {
    ConferenceIq out;
    out.room = conf.room;
    // PROTOCOL.md §4.3 step 6: with a password and no authority the focus is admin and will be owner anyway.
    out.ready = joined || ctx_.settings.userHasPassword;
    out.focusJid = ctx_.settings.focusUserJid.bareStr();
    out.addProperty("authentication", "false");
    return request.result(out.toElement());
}

std::optional<Iq> FocusManager::handleJingle(const Iq& request) {
    auto it = conferences_.find(request.from.bare());
    if (it == conferences_.end()) {
        StanzaError e = StanzaError::of("item-not-found", "unknown session");
        e.appSpecific = xml::Element("unknown-session", "urn:xmpp:jingle:errors:1");
        return request.errorReply(e);
    }
    return it->second->handleJingle(request);
}

void FocusManager::handlePresence(const xml::Element& presence) {
    auto from = protocol::fromOf(presence);
    if (from.empty()) return;
    auto it = conferences_.find(from.bare());
    if (it == conferences_.end()) return;
    it->second->handlePresence(presence);
}

void FocusManager::onClientConnected() {
    for (auto& [jid, c] : conferences_) c->onClientConnected();
}

void FocusManager::onClientDisconnected(const std::string& reason) {
    JLOG(warning) << "focus user stream lost (" << reason << "); " << conferences_.size()
                  << " conference(s) will rejoin their rooms when it is back";
    for (auto& [jid, c] : conferences_) c->onClientDisconnected();
}

void FocusManager::onConferenceEnded(Conference& conference, const std::string&) {
    auto it = conferences_.find(conference.roomJid());
    if (it == conferences_.end() || it->second.get() != &conference) return;
    auto creator = perCreator_.find(conference.creator().bareStr());
    if (creator != perCreator_.end() && --creator->second == 0) perCreator_.erase(creator);
    // Destroyed later: we may be inside one of its own callbacks now.
    std::shared_ptr<Conference> dying(std::move(it->second));
    conferences_.erase(it);
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
    std::vector<Conference*> all;
    for (auto& [jid, c] : conferences_) all.push_back(c.get());
    for (Conference* c : all) c->stop(reason);
}

}  // namespace jicofo::conference
