#include "FuzzTarget.h"
#include "targets/Checks.h"

namespace jicofo::fuzz {

const std::vector<Target>& targets() {
    static const std::vector<Target> all = {
        {"stream", &checkStream},
        {"stanza", &checkStanza},
        {"jid", &checkJid},
        {"focus", &checkFocus},
        {"jingle", &checkJingle},
        {"colibri", &checkColibri},
        {"muc", &checkMuc},
        {"disco", &checkDisco},
        {"properties", &checkProperties},
        {"cmdline", &checkCommandLine},
    };
    return all;
}

const Target* findTarget(std::string_view name) {
    for (const auto& t : targets())
        if (name == t.name) return &t;
    return nullptr;
}

}  // namespace jicofo::fuzz
