#pragma once
// The auth sessions of one authority, in memory (docs/protocol.md §4.6): ids, the full JID each is bound to,
// and expiry after `lifetime` without activity, checked every 10 s on the loop. Loop thread only.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "auth/AuthSession.h"
#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::auth {

class SessionStore {
  public:
    static constexpr util::Duration kExpiryCheckInterval{10000};
    using DestroyedFn = std::function<void(const AuthSession&)>;

    // Starts the expiry timer at once (timers may be scheduled before the loop runs).
    SessionStore(util::Loop& loop, util::Duration lifetime, size_t maxPerIdentity, DestroyedFn onDestroyed);
    ~SessionStore();
    SessionStore(const SessionStore&) = delete;
    SessionStore& operator=(const SessionStore&) = delete;

    // A new session with a fresh UUID, active now, bound to nobody. When identity already has maxPerIdentity
    // sessions, its least recently active one is destroyed first.
    AuthSession& create(std::string machineUid, std::string identity, util::Jid room);
    AuthSession* find(const std::string& id);
    const AuthSession* find(const std::string& id) const;
    AuthSession* findFor(const std::string& machineUid, const std::string& identity);
    // The session bound to exactly this JID (full JIDs: another resource is someone else).
    const AuthSession* boundTo(const util::Jid& jid) const;

    // Binds to jid, replacing the session's previous JID and the JID's previous session; refreshes activity.
    void bind(AuthSession& session, const util::Jid& jid);
    void touch(AuthSession& session);

    // Removes and reports through onDestroyed. False when unknown.
    bool destroy(const std::string& id);
    // Destroys the sessions created for room; returns how many.
    size_t destroyRoom(const util::Jid& room);
    size_t size() const { return sessions_.size(); }

  private:
    void scheduleCheck();
    void expire();
    void unbind(AuthSession& session);

    util::Loop& loop_;
    util::Duration lifetime_;
    size_t maxPerIdentity_;
    DestroyedFn onDestroyed_;
    std::unordered_map<std::string, std::unique_ptr<AuthSession>> sessions_;
    std::unordered_map<util::Jid, std::string> byJid_;  // bound full JID → session id
    util::TimerId timer_ = 0;
};

}  // namespace jicofo::auth
