// FocusManager: fault isolation (docs/architecture.md §2). Every conference is built, started and called in a
// fault domain of its own, so an exception escaping its code ends that conference and nothing else.
#include "conference/FocusManager.h"
#include "log/Log.h"
#include "protocol/muc/MucPresence.h"

namespace jicofo::conference {

std::shared_ptr<util::FaultDomain> FocusManager::newDomain(const util::Jid& room) {
    std::weak_ptr<bool> alive = alive_;
    return std::make_shared<util::FaultDomain>(
        room.str(),
        [this, alive, room](const std::shared_ptr<util::FaultDomain>& domain, const std::string& what) {
            if (alive.expired()) return;
            JLOG_ROOM(error, room.str()) << "conference failed: " << what;
            // Not from inside the failing call: the conference's own frames may still be on the stack.
            std::weak_ptr<util::FaultDomain> which = domain;
            ctx_.loop.post([this, alive, room, which, what] {
                if (!alive.expired()) endFailed(room, which, what);
            });
        });
}

Conference& FocusManager::launch(const util::Jid& room, ConferenceProperties props,
                                 const util::Jid& creator) {
    auto domain = newDomain(room);
    std::unique_ptr<Conference> created;
    {
        // What the constructor registers (bridge listeners) hears its events in the domain too.
        util::FaultDomain::Scope in(domain);
        ConferenceListener& self = *this;
        created = std::make_unique<Conference>(ctx_, room, std::move(props), creator, self);
    }
    domains_[room] = domain;
    Conference& conference = *conferences_.emplace(room, std::move(created)).first->second;
    ++created_;
    guarded(room, [&] { conference.start(); });
    return conference;
}

bool FocusManager::guarded(const util::Jid& room, const std::function<void()>& fn) {
    auto it = domains_.find(room.bare());
    // Copied: fn may end the conference, which drops the map's reference.
    std::shared_ptr<util::FaultDomain> domain = it == domains_.end() ? nullptr : it->second;
    return util::FaultDomain::run(domain, fn);
}

void FocusManager::endFailed(const util::Jid& room, const std::weak_ptr<util::FaultDomain>& which,
                             const std::string& what) {
    auto domain = which.lock();
    auto d = domains_.find(room);
    auto c = conferences_.find(room);
    // Already over (a second fault of the same conference, or it ended meanwhile): nothing to do.
    if (!domain || d == domains_.end() || d->second != domain || c == conferences_.end()) return;
    Conference& conference = *c->second;
    JLOG_ROOM(error, room.str()) << "ending the conference after an internal error";
    try {
        // Outside its domain: a second exception here is caught below, not reported again.
        conference.stop("internal error: " + what);
    } catch (const std::exception& e) {
        JLOG_ROOM(error, room.str()) << "the conference could not end cleanly (" << e.what()
                                     << "); leaving the room and dropping it";
    }
    c = conferences_.find(room);
    if (c == conferences_.end() || c->second.get() != &conference) return;  // stop() reported the end
    if (ctx_.client.isConnected())
        ctx_.client.send(protocol::makeMucLeave(room.withResource(ctx_.settings.nick)));
    onConferenceEnded(conference, "internal error: " + what);
}

}  // namespace jicofo::conference
