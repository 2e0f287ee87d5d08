#pragma once
// Automatic owner election without an auth authority (PROTOCOL.md §5.5): whenever the room has no owner
// among its occupants, the longest-present occupant is made owner (the 2015 focus took one in hash order).
#include <memory>
#include <optional>
#include <string>

#include "muc/ChatRoom.h"

namespace jicofo::conference {

class OwnerElection {
  public:
    OwnerElection(muc::ChatRoom& room, bool enabled) : room_(room), enabled_(enabled) {}

    // Call on the focus's join, on each occupant join, and when an occupant leaves.
    void run();
    const std::optional<std::string>& ownerNick() const { return owner_; }

  private:
    void tryGrant(std::uint64_t afterArrival);

    muc::ChatRoom& room_;
    bool enabled_;
    std::optional<std::string> owner_;
    bool granting_ = false;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace jicofo::conference
