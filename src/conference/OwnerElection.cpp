#include "conference/OwnerElection.h"

#include "log/Log.h"

namespace jicofo::conference {

void OwnerElection::run() {
    if (!room_.joined()) return;
    if (!authority_) return runAutoOwner();
    for (const auto& [nick, o] : room_.occupants())
        if (!o.isOwner() && authority_->isAuthenticated(o.realJid)) grantAuthenticated(o);
}

void OwnerElection::onSessionBound(const util::Jid& realJid) {
    if (!authority_ || !room_.joined()) return;
    for (const auto& [nick, o] : room_.occupants())
        if (o.realJid == realJid && !o.isOwner()) grantAuthenticated(o);
}

std::optional<std::string> OwnerElection::ownerNick() const {
    if (!authority_) return owner_;
    const muc::Occupant* oldest = nullptr;
    for (const auto& [nick, o] : room_.occupants())
        if (o.isOwner() && (!oldest || o.arrival < oldest->arrival)) oldest = &o;
    return oldest ? std::optional<std::string>(oldest->nick) : std::nullopt;
}

void OwnerElection::grantAuthenticated(const muc::Occupant& occupant) {
    // The grant's presence (affiliation owner) arrives later and makes isOwner() true; until then a second
    // event for the same occupant must not send the IQ again.
    if (!authGrants_.insert(occupant.nick).second) return;
    JLOG_ROOM(info, room_.roomJid().str())
        << occupant.nick << " has an auth session (" << occupant.realJid.str() << "): owner";
    std::string nick = occupant.nick;
    room_.grantOwner(occupant, [this, nick](bool ok) {
        authGrants_.erase(nick);
        if (!ok) JLOG_ROOM(warning, room_.roomJid().str()) << "could not make " << nick << " owner";
    });
}

void OwnerElection::runAutoOwner() {
    if (!autoOwner_ || granting_) return;
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
    room_.grantOwner(*next, [this, nick, arrival](bool ok) {
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
