#pragma once
// The focus's membership of one MUC room (docs/protocol.md §5.1–§5.3): join, configure as non-anonymous,
// read the room's meeting id from its configuration form, publish presence extensions, track occupants, grant
// owner, leave. All on the focus loop; nothing blocks.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "muc/ChatRoomListener.h"
#include "muc/Occupant.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::muc {

class ChatRoom {
  public:
    enum class State { Idle, Joining, Configuring, Joined, Left };

    ChatRoom(util::Jid room, std::string nick, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
             util::Loop& loop, ChatRoomListener& listener,
             util::Duration joinTimeout = std::chrono::seconds(5),
             util::Duration iqTimeout = std::chrono::seconds(20));
    ~ChatRoom();
    ChatRoom(const ChatRoom&) = delete;
    ChatRoom& operator=(const ChatRoom&) = delete;

    // Sends the join presence; the listener hears onRoomJoined or onRoomJoinFailed. Also used to rejoin after
    // the stream came back: occupants not present any more are then reported as left.
    void join();
    void leave();
    // The client stream dropped: the server has removed us from the room. Occupants are kept (stale) until
    // the rejoin tells who is still there.
    void connectionLost();
    // A presence whose 'from' is in this room.
    void handlePresence(const xml::Element& presence);

    // Grants owner affiliation to the occupant's real (bare) JID (§5.5); done(true) once the room accepted
    // it.
    void grantOwner(const Occupant& occupant, std::function<void(bool ok)> done);
    // Destroys the room (XEP-0045 §10.9; the focus is owner) with this reason, e.g. the reservation's
    // duration guard (docs/protocol.md §6.7). done(ok) once the server answered; everyone, the focus
    // included, then gets an unavailable presence with <destroy/>, which ends the conference (onRoomLost).
    void destroy(const std::string& reason, std::function<void(bool ok)> done = {});
    // Adds or replaces (same name + namespace) a presence extension and re-sends presence when joined (§5.2).
    void setExtension(xml::Element extension);
    void removeExtension(const std::string& name, const std::string& ns);

    State state() const { return state_; }
    bool joined() const { return state_ == State::Joined; }
    const util::Jid& roomJid() const { return room_; }
    const util::Jid& focusOccupantJid() const { return self_; }
    const std::map<std::string, Occupant>& occupants() const {
        return occupants_;
    }  // by nick, focus excluded
    const Occupant* findOccupant(const util::Jid& occupantJid) const;
    // The room's muc#roominfo_meetingId (Jitsi's mod_muc_meeting_id, docs/media.md §2b) as its configuration
    // form had it at the last join; "" when the server has none.
    const std::string& meetingId() const { return meetingId_; }

  private:
    void onSelfPresence(const protocol::MucPresence& p);
    void onOtherPresence(const protocol::MucPresence& p);
    void configure();
    void readMeetingId();
    void maybeFinishJoin();
    void fail(const std::string& why);
    void finishJoin();
    std::vector<xml::Element> presenceExtensions() const;

    util::Jid room_, self_;
    std::string nick_;
    xmpp::StanzaChannel& channel_;
    xmpp::IqRouter& router_;
    util::Loop& loop_;
    ChatRoomListener& listener_;
    util::Duration joinTimeout_, iqTimeout_;
    State state_ = State::Idle;
    util::TimerId joinTimer_ = 0;
    bool selfSeen_ = false, configured_ = false, formRead_ = false;  // the three parts of a join
    std::string meetingId_;
    std::map<std::string, Occupant> occupants_;
    std::map<std::string, bool> stale_;  // nick → not yet seen since the rejoin started
    std::vector<xml::Element> extensions_;
    std::uint64_t nextArrival_ = 1;
    int joinCounter_ = 0;
    // Last: destroyed first, so no answer to the room's requests reaches a room being torn down.
    xmpp::IqRequests requests_{router_};
};

}  // namespace jicofo::muc
