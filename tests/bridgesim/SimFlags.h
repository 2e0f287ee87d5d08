#pragma once
// Command line of the bridgesim program. The first five are the 2015 jitsi-videobridge's own
// (--host --port --domain --subdomain --secret, `--name=value` or `--name value`; --apis is accepted and
// ignored); the rest are simulator and test settings. See usage().
#include <cstdint>
#include <string>
#include <vector>

#include "bridgesim/BridgeSimulator.h"
#include "util/Result.h"

namespace jicofo::bridgesim {

struct SimFlags {
    std::string host = "localhost";
    uint16_t port = 5347;
    std::string domain;  // required
    std::string subdomain = "jitsi-videobridge";
    std::string secret;  // required
    std::string logLevel = "info";
    BridgeSimulator::Options sim;
    int64_t disconnectAfterMs = -1;  // >= 0: drop the stream that long after start-up
    int64_t reconnectAfterMs = -1;   // with it: come back after that long (-1: stay away)
    bool help = false;

    std::string componentJid() const { return subdomain + "." + domain; }
};

// args exclude the program name. Errors name the flag: "--port: not a number: x".
util::Result<SimFlags, std::string> parseFlags(const std::vector<std::string>& args);
std::string usage(const std::string& program);

}  // namespace jicofo::bridgesim
