// Session restarts (SessionRestart.h): the rate limit and the MediaSessions side.
#include "conference/SessionRestart.h"

#include "conference/MediaSessions.h"
#include "log/Log.h"

namespace jicofo::conference {

using protocol::Iq;
using protocol::StanzaError;
namespace jingle = protocol::jingle;

bool RestartLimiter::allow(const std::string& nick, util::TimePoint now) {
    auto& times = recent_[nick];
    while (!times.empty() && now - times.front() >= kWindow) times.pop_front();
    if (static_cast<int>(times.size()) >= kMax) return false;
    times.push_back(now);
    return true;
}

std::optional<Iq> MediaSessions::onRestartRequest(Participant& p, const Iq& iq, const jingle::Jingle& j) {
    bool terminated = j.action == jingle::JingleAction::SessionTerminate;
    bool wanted = terminated ? j.bridgeSession && j.bridgeSession->restartRequested()
                             : j.iceState && j.iceState->failed();
    if (!wanted) {
        // Acked and ignored as in 2015: the participant stays until it leaves the room.
        JLOG_ROOM(debug, room_.str()) << p.nick << " sent " << j.actionName() << " (ignored)";
        return iq.result();
    }
    const char* what = terminated ? "session-terminate with restart" : "ICE failure";
    if (j.bridgeSession && !j.bridgeSession->id.empty() && j.bridgeSession->id != p.bridgeSessionId) {
        JLOG_ROOM(info, room_.str()) << p.nick << ": " << what << " for bridge session "
                                     << j.bridgeSession->id << " ignored (current: " << p.bridgeSessionId
                                     << ")";
        return iq.errorReply(StanzaError::of("item-not-found", "not the current bridge session"));
    }
    if (!p.allocation)
        return iq.errorReply(StanzaError::of("unexpected-request", "no media session to restart"));
    if (!restarts_.allow(p.nick, loop_.now())) {
        JLOG_ROOM(warning, room_.str())
            << p.nick << ": " << what << " refused: more than " << RestartLimiter::kMax << " restarts within "
            << RestartLimiter::kWindow.count() / 1000 << " s";
        return iq.errorReply(StanzaError::of("resource-constraint", "too many restart requests"));
    }
    JLOG_ROOM(info, room_.str()) << p.nick << ": " << what << " (bridge session " << p.bridgeSessionId
                                 << "); re-inviting";
    router_.send(iq.result());  // ack first, then the work, as for every Jingle request (§3.5)
    restart(p, !terminated);
    return std::nullopt;
}

void MediaSessions::restart(Participant& p, bool sendTerminate) {
    if (sendTerminate) terminate(p, "connectivity-error");
    // Its sources go from the others until it accepts the new offer and announces them again.
    notifyOthers(p, sources_.removeOwner(p.owner()), jingle::JingleAction::SourceRemove);
    if (p.allocation) allocator_.expire(*p.allocation);
    p.allocation.reset();
    p.sid.clear();
    p.bridgeSessionId.clear();
    allocate(p);
}

}  // namespace jicofo::conference
