#pragma once
// Command line of the bridgesim2 program (a modern, Colibri2 jitsi-videobridge for tests). It logs in as a
// client user (like jvb@auth.DOMAIN) and joins the brewery MUC; `--name=value` or `--name value`. See
// usage().
#include <cstdint>
#include <string>
#include <vector>

#include "bridgesim2/Bridge2Simulator.h"
#include "util/Result.h"

namespace jicofo::bridgesim2 {

struct Sim2Flags {
    std::string host = "localhost";
    uint16_t port = 5222;
    std::string domain;  // login domain, e.g. auth.example.com (required)
    std::string user = "jvb";
    std::string password;  // required
    std::string resource;  // "" ⇒ the nick
    std::string caFile;
    bool trustAll = false;
    std::string logLevel = "info";
    Bridge2Simulator::Options sim;  // brewery (required), nick ("" ⇒ random), stats, switches, transport
    bool help = false;
};

// args exclude the program name. Errors name the flag: "--port: not a number: x".
util::Result<Sim2Flags, std::string> parseFlags(const std::vector<std::string>& args);
std::string usage(const std::string& program);

}  // namespace jicofo::bridgesim2
