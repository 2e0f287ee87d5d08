#pragma once
// The media half of a conference (docs/media.md §2–§5, docs/protocol.md §5.4): Colibri channels on a bridge
// and a Jingle session with every participant, and the sources relayed between them. Lives on the focus loop,
// owned by its Conference. Every asynchronous answer finds its participant again by nick + generation and
// does nothing when it has gone, so a participant who leaves mid-way leaks nothing.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "bridge/BridgeListener.h"
#include "bridge/ColibriAllocator.h"
#include "conference/ConferenceProperties.h"
#include "conference/MediaSettings.h"
#include "conference/Participant.h"
#include "conference/RoomBridges.h"
#include "conference/SessionRestart.h"
#include "media/SourceMap.h"
#include "muc/Occupant.h"
#include "protocol/jingle/Jingle.h"
#include "protocol/stanza/Stanza.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::conference {

class MediaSessions : private bridge::AllocatorListener, private bridge::BridgeListener {
  public:
    struct Hooks {
        // No bridge could take a participant (true) / one did again (false): the room's bridgeIsDown.
        std::function<void(bool down)> bridgeDown;
        // Start-muted flags for a participant being offered (docs/protocol.md §6.2).
        std::function<protocol::jingle::StartMuted(const Participant&)> startMuted;
    };

    MediaSessions(util::Loop& loop, xmpp::StanzaChannel& client, xmpp::IqRouter& router, MediaContext& media,
                  const util::Jid& room, const ConferenceProperties& props, Hooks hooks);
    ~MediaSessions() override;

    // Media starts with the second occupant (§5.4): invites everyone present; afterwards invite() each
    // newcomer.
    bool started() const { return started_; }
    void start(const std::vector<muc::Occupant>& occupants);
    void invite(const muc::Occupant& occupant);
    // The occupant left the room: session-terminate, its sources removed from the others, channels expired.
    void remove(const std::string& nick);
    // A Jingle IQ (set) from an occupant of this room. Returns the error, or nothing after sending the ack
    // itself and then doing the work in the same task (no other offer can slip in between).
    std::optional<protocol::Iq> handleJingle(const protocol::Iq& iq, const protocol::jingle::Jingle& j);
    // Conference end: every session terminated, every channel expired.
    void stop();

    const Participant* participant(const std::string& nick) const;
    std::size_t participantCount() const { return participants_.size(); }
    const media::SourceMap& sources() const { return sources_; }
    RoomBridges& allocator() { return allocator_; }
    // The bridges holding this room's channels now (one without Octo; none before anyone was invited).
    std::vector<util::Jid> bridgesInUse() const { return allocator_.bridgesInUse(); }

  private:
    // AllocatorListener / BridgeListener
    void onParticipantsLost(const util::Jid& bridge, const std::vector<std::string>& endpoints) override;
    void onBridgeUp(const util::Jid& bridge) override;
    void retryWaiting(const std::string& why);
    void scheduleRetry();
    void onBridgeDown(const util::Jid&) override {}

    Participant* find(const std::string& nick, std::uint64_t generation);
    void discover(Participant& p);
    void withFeatures(Participant& p, media::ParticipantFeatures features);
    void allocate(Participant& p);
    void onAllocated(Participant& p, bridge::Allocation allocation);
    void sendOffer(Participant& p);
    void terminate(Participant& p, const std::string& reason);
    void sendJingle(const Participant& to, const protocol::jingle::Jingle& jingle);
    void notifyOthers(const Participant& from, const protocol::jingle::MediaSources& changed,
                      protocol::jingle::JingleAction action);
    void updateBridgeSources(const Participant& p);

    // Incoming actions (MediaJingle.cpp).
    std::optional<protocol::Iq> onSessionAccept(Participant& p, const protocol::Iq& iq,
                                                const protocol::jingle::Jingle& j);
    std::optional<protocol::Iq> onSourceAdd(Participant& p, const protocol::Iq& iq,
                                            const protocol::jingle::Jingle& j);
    std::optional<protocol::Iq> onSourceRemove(Participant& p, const protocol::Iq& iq,
                                               const protocol::jingle::Jingle& j);
    void onTransportInfo(Participant& p, const protocol::jingle::Jingle& j);
    // session-terminate with restart / session-info ICE failed (SessionRestart.cpp).
    std::optional<protocol::Iq> onRestartRequest(Participant& p, const protocol::Iq& iq,
                                                 const protocol::jingle::Jingle& j);
    void restart(Participant& p, bool sendTerminate);
    std::optional<protocol::StanzaError> refuseBridgeSsrcs(const Participant& p,
                                                           const protocol::jingle::MediaSources& claim) const;

    util::Loop& loop_;
    xmpp::StanzaChannel& client_;
    xmpp::IqRouter& router_;
    MediaContext& media_;
    util::Jid room_;
    const ConferenceProperties& props_;
    Hooks hooks_;
    RoomBridges allocator_;
    media::SourceMap sources_;
    std::map<std::string, Participant> participants_;  // by nick
    RestartLimiter restarts_;
    std::uint64_t nextGeneration_ = 1;
    bool started_ = false;
    bool bridgeDown_ = false;
    util::TimerId retryTimer_ = 0;
    // Last: destroyed first, so no answer to the discovery or the offer reaches a room being torn down.
    xmpp::IqRequests requests_{router_};
};

}  // namespace jicofo::conference
