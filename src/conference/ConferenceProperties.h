#pragma once
// The properties of the conference IQ that the focus honours, read once when the conference is created
// (docs/protocol.md §4.2). Ints that fail to parse are ignored (logged), as in 2015.
#include <optional>
#include <string>
#include <vector>

#include "protocol/focus/ConferenceIq.h"

namespace jicofo::conference {

struct ConferenceProperties {
    std::optional<std::string> bridge;       // per conference here, not a global (README: differences)
    std::optional<std::string> callControl;  // Jigasi JID
    std::optional<int> channelLastN;
    std::optional<bool> adaptiveLastN;
    std::optional<bool> adaptiveSimulcast;
    std::optional<std::string>
        simulcastMode;  // "rewriting" | "switching" (lower-cased); other values dropped
    bool openSctp = true;
    std::optional<int> startAudioMuted;
    std::optional<int> startVideoMuted;

    // Names of properties whose values were ignored because they did not parse (for the log).
    static ConferenceProperties from(const protocol::ConferenceIq& iq,
                                     std::vector<std::string>* ignored = nullptr);
};

}  // namespace jicofo::conference
