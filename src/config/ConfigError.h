#pragma once
// Why the configuration was refused. The focus prints `message` to stderr and exits 1; tests match `setting`.
#include <string>

namespace jicofo::config {

struct ConfigError {
    std::string setting;  // the flag (`--port`) or property name that is wrong, or the file
    std::string message;  // one line for the operator, e.g. `org.jitsi.focus.IDLE_TIMEOUT: "abc" is not ...`
};

}  // namespace jicofo::config
