#pragma once
// One conference: the focus's room, its occupants and (later) their media sessions. Owned by FocusManager,
// lives on the focus loop. Ends when the last participant leaves or nobody came within the idle timeout
// (docs/protocol.md §5.6).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/AuthAuthority.h"
#include "conference/ConferenceProperties.h"
#include "conference/FocusSettings.h"
#include "conference/MediaSessions.h"
#include "conference/OwnerElection.h"
#include "conference/ReservationGate.h"
#include "muc/ChatRoom.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::conference {

class Conference;

class ConferenceListener {
  public:
    virtual ~ConferenceListener() = default;
    // The conference has left its room for good; the owner may destroy it (not from inside this call).
    virtual void onConferenceEnded(Conference& conference, const std::string& reason) = 0;
};

// What a conference uses of the outside world; shared by all conferences.
struct FocusContext {
    util::Loop& loop;
    xmpp::StanzaChannel& component;  // focus.DOMAIN: conference IQ replies
    xmpp::StanzaChannel& client;     // the focus user's stream
    xmpp::IqRouter& clientRouter;
    FocusSettings settings;
    MediaContext* media = nullptr;  // bridges and Colibri; null: rooms only (logic tests of the MUC side)
    auth::AuthAuthority* authority = nullptr;  // org.jitsi.jicofo.auth.URL; null: no authentication
    ReservationGate* reservations = nullptr;   // BASE_URL; null: no reservation system
};

class Conference : private muc::ChatRoomListener {
  public:
    // Joined: the focus is in the room. NotJoined: not now (user stream down), the client retries.
    // Failed: the join or the room configuration failed and the conference ended.
    enum class JoinOutcome { Joined, NotJoined, Failed };
    // Called once; used to answer conference IQs without blocking.
    using JoinWaiter = std::function<void(JoinOutcome)>;

    Conference(FocusContext& ctx, util::Jid room, ConferenceProperties props, util::Jid creator,
               ConferenceListener& listener);
    ~Conference() override;

    // Joins the room now if the focus user is connected, else when it connects.
    void start();
    // Leaves the room and reports the end to the listener. Idempotent.
    void stop(const std::string& reason);

    void onClientConnected();
    void onClientDisconnected();
    void handlePresence(const xml::Element& presence) { room_.handlePresence(presence); }
    // Calls waiter when the join finishes (at once if already joined or the user stream is down).
    void whenJoined(JoinWaiter waiter);
    // A conference IQ bound an auth session to realJid: owner if it is an occupant (docs/protocol.md §5.5).
    void onSessionBound(const util::Jid& realJid) { owner_.onSessionBound(realJid); }
    // A mute request (§6.1) from an occupant of this room (ConferenceModeration.cpp). Returns the refusal
    // now, or nothing when the answer follows the bridge's.
    std::optional<protocol::Iq> handleMute(const protocol::Iq& iq, const util::Jid& target, bool mute);
    // The reservation's duration guard (§6.7): destroys the MUC room with reason; the conference ends.
    void destroyRoom(const std::string& reason);

    bool joined() const { return room_.joined(); }
    bool ended() const { return ended_; }
    const util::Jid& roomJid() const { return roomJid_; }
    const util::Jid& creator() const { return creator_; }
    const ConferenceProperties& properties() const { return props_; }
    const muc::ChatRoom& room() const { return room_; }
    const std::string& etherpadName() const { return etherpad_; }
    std::optional<std::string> ownerNick() const { return owner_.ownerNick(); }
    const MediaSessions* media() const { return media_.get(); }
    // Null without media (rooms only). FocusManager hands it the room's Jingle IQs (docs/media.md §3.5).
    MediaSessions* media() { return media_.get(); }
    // When the focus created it (the operator page shows its age).
    util::TimePoint createdAt() const { return createdAt_; }

  private:
    void onRoomJoined() override;
    void onRoomJoinFailed(const std::string& why) override;
    void onOccupantJoined(const muc::Occupant& occupant) override;
    void onOccupantLeft(const muc::Occupant& occupant, bool kicked) override;
    void onOccupantUpdated(const muc::Occupant& occupant) override;
    void onRoomLost(const std::string& why) override;
    void answerWaiters(JoinOutcome outcome);
    void someoneJoined();
    void armIdleTimer();
    void maybeStartMedia();
    protocol::jingle::StartMuted startMutedFor(const Participant& p) const;

    FocusContext& ctx_;
    util::Jid roomJid_, creator_;
    ConferenceProperties props_;
    ConferenceListener& listener_;
    muc::ChatRoom room_;
    OwnerElection owner_;
    std::string etherpad_;
    std::unique_ptr<MediaSessions> media_;
    std::optional<protocol::StartMuted> ownerStartMuted_;  // runtime override from an owner's presence (§6.2)
    std::string lastJoined_;
    std::vector<JoinWaiter> waiters_;
    util::TimePoint createdAt_;
    util::TimerId idleTimer_ = 0;
    bool anyoneJoined_ = false;
    bool ended_ = false;
    bool joinFailed_ = false;
    bool etherpadSent_ = false;
};

}  // namespace jicofo::conference
