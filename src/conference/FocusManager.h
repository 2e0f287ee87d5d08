#pragma once
// The conference registry (the "focus loop" task's state): one Conference per room, the conference IQ
// (PROTOCOL.md §4), routing of the focus user's MUC presences, and the end of conferences.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "conference/Conference.h"
#include "protocol/focus/ConferenceIq.h"
#include "protocol/stanza/Stanza.h"

namespace jicofo::conference {

class FocusManager : private ConferenceListener {
  public:
    explicit FocusManager(FocusContext& ctx);
    ~FocusManager() override;

    // The conference IQ (set) from the component. Returns the reply now, or nothing when it is sent once the
    // focus is in the room (no thread waits meanwhile).
    std::optional<protocol::Iq> handleConferenceIq(const protocol::Iq& request);
    // A Jingle IQ (set) on the focus user's stream, from an occupant of one of our rooms.
    std::optional<protocol::Iq> handleJingle(const protocol::Iq& request);
    // A presence that arrived on the focus user's stream.
    void handlePresence(const xml::Element& presence);
    void onClientConnected();
    void onClientDisconnected(const std::string& reason);

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
    protocol::Iq buildResult(const protocol::Iq& request, const protocol::ConferenceIq& conf,
                             bool ready) const;
    void reply(const protocol::Iq& iq);
    void checkIdle();

    FocusContext& ctx_;
    std::unordered_map<util::Jid, std::unique_ptr<Conference>> conferences_;
    std::unordered_map<std::string, std::size_t> perCreator_;  // bare creator JID → live conferences
    bool shuttingDown_ = false;
    std::function<void()> onIdle_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace jicofo::conference
