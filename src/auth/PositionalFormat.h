#pragma once
// The subset of java.util.Formatter that the 2015 URL patterns use (docs/protocol.md §2.3): `%1$s` .. `%9$s`
// (positional), `%s` (next argument), `%S` (upper-cased), `%%` and `%n`. Anything else is refused when the
// authority is created, so a bad auth.URL stops the focus at start with a clear message instead of failing
// on the first login.
//
//   formatPositional("login/?machineUID=%1$s&room=%3$s", {"m1", "jid", "r@c", "true"})
//       == "login/?machineUID=m1&room=r@c"
#include <string>
#include <vector>

#include "util/Result.h"

namespace jicofo::auth {

struct PatternError {
    std::string message;
};

// The formatted text, or why the pattern is bad (unknown conversion, index 0 or beyond args).
util::Result<std::string, PatternError> formatPositional(const std::string& pattern,
                                                         const std::vector<std::string>& args);

}  // namespace jicofo::auth
