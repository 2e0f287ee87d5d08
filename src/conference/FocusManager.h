#pragma once
// The conference registry (the "focus loop" task's state): one Conference per room, the conference IQ
// (docs/protocol.md §4) with its authentication and reservation checks (§4.3 steps 3-4,
// ConferenceAdmission.cpp), routing of the focus user's MUC presences and mute IQs, and the end of
// conferences.
//
// Each conference runs in a fault domain of its own (util/FaultDomain.h, ConferenceFaults.cpp): an
// exception escaping its code — a handler called from here, or any timer, task or IQ answer it started —
// ends that conference cleanly (participants get session-terminate, its channels are expired, the focus
// leaves the room, an error line names the room) and nothing else; a request that was being handled gets
// internal-server-error.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "auth/AuthListener.h"
#include "conference/Conference.h"
#include "protocol/focus/ConferenceIq.h"
#include "protocol/focus/MuteIq.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/stanza/Stanza.h"
#include "util/FaultDomain.h"

namespace jicofo::conference {

class FocusManager : private ConferenceListener, private auth::AuthListener {
  public:
    explicit FocusManager(FocusContext& ctx);
    ~FocusManager() override;

    // The IQ handlers take the payload already parsed (xmpp::IqRouter::registerHandler<T> answers a payload
    // that does not parse with bad-request).
    // The conference IQ (set) from the component. Returns the reply now, or nothing when it is sent once the
    // focus is in the room (no thread waits meanwhile).
    std::optional<protocol::Iq> handleConferenceIq(const protocol::Iq& request,
                                                   const protocol::ConferenceIq& conf);
    // A Jingle IQ (set) on the focus user's stream, from an occupant of one of our rooms: straight to that
    // room's MediaSessions.
    std::optional<protocol::Iq> handleJingle(const protocol::Iq& request,
                                             const protocol::jingle::Jingle& jingle);
    // A mute IQ (set, §6.1) on the focus user's stream. Incomplete ⇒ bad-request (2015: no reply); a sender
    // that is not an occupant of one of our rooms ⇒ forbidden; the rest is the conference's (Conference.h).
    std::optional<protocol::Iq> handleMute(const protocol::Iq& request, const protocol::MuteIq& mute);
    // The reservation's duration guard (§6.7): the room's conference destroys its MUC room with reason.
    void destroyRoom(const util::Jid& room, const std::string& reason);
    // A presence that arrived on the focus user's stream.
    void handlePresence(const xml::Element& presence);
    void onClientConnected();
    void onClientDisconnected(const std::string& reason);

    // A conference the focus starts by itself (the health check, docs/protocol.md §6.6): the normal path
    // without a requester, so no authentication, reservation or per-requester limit. done hears the join
    // outcome (at once when the room already has a conference). False, and nothing started, during a graceful
    // shutdown.
    bool startConference(const util::Jid& room, Conference::JoinWaiter done);
    // Conferences created since start-up (IQ and health check alike).
    std::uint64_t conferencesCreated() const { return created_; }

    // Graceful shutdown (§6.8): new rooms are refused; onIdle fires once no conference is left.
    void startGracefulShutdown(std::function<void()> onIdle);
    bool gracefulShutdown() const { return shuttingDown_; }
    // Prompt stop: every conference leaves its room now.
    void stopAll(const std::string& reason);

    std::size_t conferenceCount() const { return conferences_.size(); }
    const Conference* find(const util::Jid& room) const;
    std::vector<const Conference*> conferences() const;

  private:
    void onConferenceEnded(Conference& conference, const std::string& reason) override;
    void onSessionBound(const auth::AuthSession& session, const util::Jid& fullJid,
                        const util::Jid& room) override;
    // ConferenceAdmission.cpp: §4.3 steps 4-5 for a room without a conference.
    std::optional<protocol::Iq> admitNewRoom(const protocol::Iq& request, const util::Jid& room,
                                             const protocol::ConferenceIq& conf,
                                             const auth::AuthGrant& grant);
    void onReservationGranted(const protocol::Iq& request, const util::Jid& room,
                              const protocol::ConferenceIq& conf, const auth::AuthGrant& grant);
    std::string creatorKey(const util::Jid& from) const;
    std::optional<protocol::StanzaError> checkCreatorLimit(const std::string& key,
                                                           const util::Jid& room) const;
    Conference& create(const util::Jid& room, const protocol::ConferenceIq& conf, const util::Jid& creator);
    // ConferenceFaults.cpp: builds and starts the room's conference in a fault domain of its own.
    Conference& launch(const util::Jid& room, ConferenceProperties props, const util::Jid& creator);
    std::shared_ptr<util::FaultDomain> newDomain(const util::Jid& room);
    // Runs fn in the room's fault domain; false when it threw (the conference is then being ended).
    bool guarded(const util::Jid& room, const std::function<void()>& fn);
    void endFailed(const util::Jid& room, const std::weak_ptr<util::FaultDomain>& domain,
                   const std::string& what);
    // The reply now if the focus is in the room (or cannot be now), else nothing and it is sent later.
    std::optional<protocol::Iq> answerWhenJoined(Conference& conference, const protocol::Iq& request,
                                                 const protocol::ConferenceIq& conf,
                                                 const auth::AuthGrant& grant);
    protocol::Iq buildResult(const protocol::Iq& request, const protocol::ConferenceIq& conf, bool ready,
                             const auth::AuthGrant& grant) const;
    void reply(const protocol::Iq& iq);
    void checkIdle();

    FocusContext& ctx_;
    std::unordered_map<util::Jid, std::unique_ptr<Conference>> conferences_;
    std::unordered_map<util::Jid, std::shared_ptr<util::FaultDomain>> domains_;  // room → its conference's
    // Live conferences per creator: the identity of its auth session, else its bare JID (creatorKey()).
    std::unordered_map<std::string, std::size_t> perCreator_;
    std::unordered_map<util::Jid, std::string> creatorOf_;  // room → its key in perCreator_
    std::uint64_t created_ = 0;
    bool shuttingDown_ = false;
    std::function<void()> onIdle_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace jicofo::conference
