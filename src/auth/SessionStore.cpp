#include "auth/SessionStore.h"

#include <algorithm>

#include "log/Log.h"
#include "util/Ids.h"

namespace jicofo::auth {

SessionStore::SessionStore(util::Loop& loop, util::Duration lifetime, size_t maxPerIdentity,
                           DestroyedFn onDestroyed)
    : loop_(loop),
      lifetime_(lifetime),
      maxPerIdentity_(std::max<size_t>(maxPerIdentity, 1)),
      onDestroyed_(std::move(onDestroyed)) {
    scheduleCheck();
}

SessionStore::~SessionStore() {
    loop_.cancel(timer_);
}

void SessionStore::scheduleCheck() {
    // The store outlives its timer: the destructor cancels it, and the loop thread is the only caller.
    timer_ = loop_.schedule(kExpiryCheckInterval, [this] {
        expire();
        scheduleCheck();
    });
}

void SessionStore::expire() {
    util::TimePoint now = loop_.now();
    std::vector<std::string> expired;
    for (const auto& [id, s] : sessions_)
        if (now - s->lastActivity > lifetime_) expired.push_back(id);
    for (const auto& id : expired) {
        JLOG(info) << "auth session " << id.substr(0, 8) << " expired";
        destroy(id);
    }
}

AuthSession& SessionStore::create(std::string machineUid, std::string identity, util::Jid room) {
    size_t count = 0;
    const AuthSession* oldest = nullptr;
    for (const auto& [id, s] : sessions_) {
        if (s->identity != identity) continue;
        ++count;
        if (!oldest || s->lastActivity < oldest->lastActivity) oldest = s.get();
    }
    if (count >= maxPerIdentity_ && oldest) {
        JLOG(warning) << identity << " has " << count << " auth sessions; dropping the least recently used";
        destroy(std::string(oldest->id));
    }
    auto s = std::make_unique<AuthSession>();
    s->id = util::randomUuid();
    s->machineUid = std::move(machineUid);
    s->identity = std::move(identity);
    s->room = std::move(room);
    s->lastActivity = loop_.now();
    AuthSession& ref = *s;
    sessions_.emplace(ref.id, std::move(s));
    JLOG(info) << "auth session " << ref.shortId() << " created for " << ref.identity << " (machine "
               << ref.machineUid << ", room " << ref.room.str() << ")";
    return ref;
}

AuthSession* SessionStore::find(const std::string& id) {
    auto it = sessions_.find(id);
    return it == sessions_.end() ? nullptr : it->second.get();
}

const AuthSession* SessionStore::find(const std::string& id) const {
    auto it = sessions_.find(id);
    return it == sessions_.end() ? nullptr : it->second.get();
}

AuthSession* SessionStore::findFor(const std::string& machineUid, const std::string& identity) {
    for (auto& [id, s] : sessions_)
        if (s->machineUid == machineUid && s->identity == identity) return s.get();
    return nullptr;
}

const AuthSession* SessionStore::boundTo(const util::Jid& jid) const {
    auto it = byJid_.find(jid);
    return it == byJid_.end() ? nullptr : find(it->second);
}

void SessionStore::unbind(AuthSession& session) {
    if (!session.boundJid) return;
    auto it = byJid_.find(*session.boundJid);
    if (it != byJid_.end() && it->second == session.id) byJid_.erase(it);
    session.boundJid.reset();
}

void SessionStore::bind(AuthSession& session, const util::Jid& jid) {
    unbind(session);
    auto previous = byJid_.find(jid);
    if (previous != byJid_.end()) {
        if (AuthSession* other = find(previous->second)) other->boundJid.reset();
        byJid_.erase(previous);
    }
    session.boundJid = jid;
    byJid_[jid] = session.id;
    touch(session);
}

void SessionStore::touch(AuthSession& session) {
    session.lastActivity = loop_.now();
}

bool SessionStore::destroy(const std::string& id) {
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return false;
    std::unique_ptr<AuthSession> s = std::move(it->second);
    sessions_.erase(it);
    unbind(*s);
    if (onDestroyed_) onDestroyed_(*s);
    return true;
}

size_t SessionStore::destroyRoom(const util::Jid& room) {
    std::vector<std::string> ids;
    for (const auto& [id, s] : sessions_)
        if (s->room == room) ids.push_back(id);
    for (const auto& id : ids) destroy(id);
    return ids.size();
}

}  // namespace jicofo::auth
