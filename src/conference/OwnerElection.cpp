#include "conference/OwnerElection.h"

#include "log/Log.h"

namespace jicofo::conference {

void OwnerElection::run() {
    if (!enabled_ || granting_ || !room_.joined()) return;
    const auto& occupants = room_.occupants();
    if (owner_ && occupants.count(*owner_)) return;  // granted, or seen as owner, and still here
    owner_.reset();
    // Someone may already be owner (given by the server, a previous focus, or an earlier grant).
    const muc::Occupant* oldestOwner = nullptr;
    for (const auto& [nick, o] : occupants)
        if (o.isOwner() && (!oldestOwner || o.arrival < oldestOwner->arrival)) oldestOwner = &o;
    if (oldestOwner) {
        owner_ = oldestOwner->nick;
        return;
    }
    tryGrant(0);
}

void OwnerElection::tryGrant(std::uint64_t afterArrival) {
    const muc::Occupant* next = nullptr;
    for (const auto& [nick, o] : room_.occupants()) {
        if (o.arrival <= afterArrival || o.realJid.empty()) continue;
        if (!next || o.arrival < next->arrival) next = &o;
    }
    if (!next) return;
    granting_ = true;
    std::string nick = next->nick;
    std::uint64_t arrival = next->arrival;
    std::weak_ptr<bool> alive = alive_;
    room_.grantOwner(*next, [this, alive, nick, arrival](bool ok) {
        if (alive.expired()) return;
        granting_ = false;
        if (ok) {
            if (room_.occupants().count(nick))
                owner_ = nick;
            else
                run();  // left while the grant was on its way
            return;
        }
        JLOG_ROOM(warning, room_.roomJid().str()) << "could not make " << nick << " owner, trying the next";
        tryGrant(arrival);
    });
}

}  // namespace jicofo::conference
