#pragma once
// Who the focus makes owner of its room (docs/protocol.md §5.5). The focus never revokes roles.
// - Without an auth authority (auto-owner): whenever the room has no owner among its occupants, the
//   longest-present occupant is made owner (the 2015 focus took one in hash order). DISABLE_AUTO_OWNER
//   turns this off.
// - With an authority: no first-comer election. Owner goes to every occupant whose real full JID has a bound
//   auth session: on the focus's join (everyone), on each join (that occupant) and when a conference IQ
//   binds a session to the JID of an occupant (onSessionBound). DISABLE_AUTO_OWNER does not matter here.
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "auth/AuthAuthority.h"
#include "muc/ChatRoom.h"

namespace jicofo::conference {

class OwnerElection {
  public:
    // authority: null without authentication; must outlive this. room: owned by the same conference and
    // destroyed with this (Conference declares it first): the grants are the room's requests, which its
    // destruction cancels, so their callbacks never run once this is gone.
    OwnerElection(muc::ChatRoom& room, bool autoOwner, const auth::AuthAuthority* authority = nullptr)
        : room_(room), autoOwner_(autoOwner), authority_(authority) {}

    // Call on the focus's join, on each occupant join or update, and when an occupant leaves.
    void run();
    // A session was bound to realJid (a full JID): if it is an occupant here, it becomes owner.
    void onSessionBound(const util::Jid& realJid);
    // The owner tracked by auto-owner; with an authority, the longest-present owner among the occupants.
    std::optional<std::string> ownerNick() const;

  private:
    void runAutoOwner();
    void tryGrant(std::uint64_t afterArrival);
    void grantAuthenticated(const muc::Occupant& occupant);

    muc::ChatRoom& room_;
    bool autoOwner_;
    const auth::AuthAuthority* authority_;
    std::optional<std::string> owner_;
    bool granting_ = false;
    std::set<std::string> authGrants_;  // nicks with an authenticated grant in flight
};

}  // namespace jicofo::conference
