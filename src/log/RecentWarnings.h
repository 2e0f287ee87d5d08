#pragma once
// The last warnings and errors of the process, for the operator page (http/OperatorPage): a Boost.Log sink
// that keeps the newest kRecentWarnings lines of severity WARNING and above, formatted like the log itself.
// setup() installs it beside whatever sinks the settings ask for, so the page shows what the log shows
// (a LEVEL of ERROR hides warnings from both). The sink's own lock guards the lines: HTTP threads read them
// while any thread logs.
#include <cstddef>
#include <string>
#include <vector>

namespace jicofo::log {

inline constexpr std::size_t kRecentWarnings = 20;

// Adds the sink to the Boost.Log core (again after remove_all_sinks); lines kept so far survive.
void installRecentWarnings();
// Oldest first, at most kRecentWarnings; empty before installRecentWarnings().
std::vector<std::string> recentWarnings();
// Forgets the lines kept so far (tests).
void clearRecentWarnings();

}  // namespace jicofo::log
