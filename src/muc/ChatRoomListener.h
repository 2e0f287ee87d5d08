#pragma once
#include <string>

#include "muc/Occupant.h"

namespace jicofo::muc {

// Events of one ChatRoom, on the focus loop.
class ChatRoomListener {
  public:
    virtual ~ChatRoomListener() = default;
    // The focus is in the room as owner and the room is configured; occupants() holds everyone present.
    virtual void onRoomJoined() = 0;
    // Join, configuration or ownership failed; the room is left. why is for the log.
    virtual void onRoomJoinFailed(const std::string& why) = 0;
    virtual void onOccupantJoined(const Occupant& occupant) = 0;
    virtual void onOccupantLeft(const Occupant& occupant, bool kicked) = 0;
    // Role, affiliation or published extensions changed.
    virtual void onOccupantUpdated(const Occupant& occupant) = 0;
    // The focus was removed from a room it had joined (kicked, room destroyed).
    virtual void onRoomLost(const std::string& why) = 0;
};

}  // namespace jicofo::muc
