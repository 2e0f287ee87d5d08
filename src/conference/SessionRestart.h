#pragma once
// Restarting one participant's media session on request (docs/media.md §3.7, issue 13 §2 "Restart"): a client
// whose ICE to the bridge failed either ends the session with
//   <jingle action='session-terminate'><bridge-session xmlns='http://jitsi.org/protocol/focus' id
//   restart='true'/>
// (it saw support-terminate-restart in the focus's conference-properties) or, from about 2021, sends
//   <jingle action='session-info'><ice-state xmlns='http://jitsi.org/protocol/focus'>failed</ice-state>.
// The focus then expires that participant's endpoint (Colibri v1 channels or Colibri2 endpoint), removes its
// sources from the others, allocates again and sends a new session-initiate with a new <bridge-session id>
// (after a session-terminate of its own for the session-info case). A request naming another bridge session
// than the current one is refused (item-not-found). At most RestartLimiter::kMax restarts per participant
// per kWindow; more are refused (resource-constraint) with a warning, and the session stays as it is.
//
// The MediaSessions side lives in SessionRestart.cpp (MediaSessions::onRestartRequest, restart); this header
// holds the rate limit.
#include <chrono>
#include <deque>
#include <map>
#include <string>

#include "util/Loop.h"

namespace jicofo::conference {

// The focus's conference-properties entry and disco feature that announce the restart (docs/media.md §3.7).
inline constexpr const char* kSupportTerminateRestart = "support-terminate-restart";
inline constexpr const char* kTerminateRestartFeature = "https://jitsi.org/meet/jicofo/terminate-restart";

class RestartLimiter {
  public:
    static constexpr int kMax = 3;
    static constexpr util::Duration kWindow = std::chrono::minutes(1);

    // Whether nick may restart now; counts it when yes.
    bool allow(const std::string& nick, util::TimePoint now);
    void forget(const std::string& nick) { recent_.erase(nick); }

  private:
    std::map<std::string, std::deque<util::TimePoint>> recent_;
};

}  // namespace jicofo::conference
