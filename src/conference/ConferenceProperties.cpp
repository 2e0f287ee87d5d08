#include "conference/ConferenceProperties.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace jicofo::conference {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::optional<int> toInt(const std::string& s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

ConferenceProperties ConferenceProperties::from(const protocol::ConferenceIq& iq,
                                                std::vector<std::string>* ignored) {
    ConferenceProperties p;
    auto intProp = [&](const char* name, std::optional<int>& out) {
        if (auto v = iq.property(name)) {
            out = toInt(*v);
            if (!out && ignored) ignored->push_back(name);
        }
    };
    auto boolProp = [&](const char* name) -> std::optional<bool> {
        if (auto v = iq.property(name)) return lower(*v) == "true";
        return std::nullopt;
    };
    p.bridge = iq.property("bridge");
    p.callControl = iq.property("call_control");
    intProp("channelLastN", p.channelLastN);
    p.adaptiveLastN = boolProp("adaptiveLastN");
    p.adaptiveSimulcast = boolProp("adaptiveSimulcast");
    if (auto mode = iq.property("simulcastMode")) {
        std::string m = lower(*mode);
        if (m == "rewriting" || m == "switching")
            p.simulcastMode = m;
        else if (ignored)
            ignored->push_back("simulcastMode");
    }
    if (auto sctp = boolProp("openSctp")) p.openSctp = *sctp;
    intProp("startAudioMuted", p.startAudioMuted);
    intProp("startVideoMuted", p.startVideoMuted);
    return p;
}

}  // namespace jicofo::conference
