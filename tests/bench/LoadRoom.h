#pragma once
// One conference of the load generator (issue 10 §4): P fresh 2015-style clients log in (a set-up timeout
// under load is retried, not fatal), each asks the focus for the room (retried while the focus is not
// there, as a 2015 client polls), joins the MUC and negotiates its session, one after the other as people
// join a call; then the room is watched until everyone knows everyone's sources. A new LoadRoom for the same
// room name is how participants come back after Prosody restarted: new connections, new JIDs, as a
// reconnecting Jitsi Meet client.
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/MediaParticipant.h"
#include "bench/Samples.h"
#include "support/ProsodyFixture.h"

namespace jicofo::bench {

// What all rooms of a run add their figures to.
struct LoadFigures {
    Samples joinToInitiate;     // participants 2..P: own join -> session-initiate
    Samples acceptToSourceAdd;  // a participant's accept -> source-add at a peer whose session was up
    std::atomic<int> loginRetries{0}, conferenceRetries{0}, duplicates{0};
};

class LoadRoom {
  public:
    // room: the MUC room's bare JID; firstSsrc: participant i uses firstSsrc + 2i (audio) and + 2i + 1.
    LoadRoom(const test::ProsodyFixture& prosody, std::string room, int participants, uint32_t firstSsrc);
    ~LoadRoom();  // leaves (if still connected) and disconnects
    LoadRoom(const LoadRoom&) = delete;
    LoadRoom& operator=(const LoadRoom&) = delete;

    // Logs in every client, each tried until deadlineMs has passed. "" or the last error.
    std::string connect(int deadlineMs, LoadFigures& figures);
    // Conference IQ (until ready), join, session up; participant after participant. "" or what failed.
    std::string join(int timeoutMs, LoadFigures& figures);
    // Waits until every participant knows every other's SSRCs. "" or a description of who does not.
    std::string waitSettled(int timeoutMs);
    // Adds this room's figures (call once, after waitSettled).
    void collect(LoadFigures& figures) const;
    void leave();
    void disconnect();

    const std::string& room() const { return room_; }
    std::vector<MediaParticipant*> participants() const;
    bool owns(uint32_t ssrc) const { return owners_.count(ssrc) > 0; }

  private:
    const test::ProsodyFixture& prosody_;
    std::string room_;
    int size_;
    uint32_t firstSsrc_;
    std::vector<std::unique_ptr<MediaParticipant>> participants_;
    std::map<uint32_t, const MediaParticipant*> owners_;  // filled before anyone joins, then read-only
};

}  // namespace jicofo::bench
