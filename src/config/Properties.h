#pragma once
// The two layers every property lookup reads (docs/protocol.md §2.1): the properties file first, then the
// system properties (`-Dname=value` arguments plus the values derived from the command-line flags). Kept in
// the finished FocusConfig so other parts can read keys the loader does not know about.
#include <map>
#include <optional>
#include <string>

namespace jicofo::config {

// java.lang.String.trim(): removes every char <= ' ' at either end.
std::string javaTrim(const std::string& s);

struct Properties {
    std::map<std::string, std::string> file;    // sip-communicator.properties, values exactly as loaded
    std::map<std::string, std::string> system;  // -D arguments and flag-derived values

    // The raw value: from the file if the file names it at all (even when empty), else from the system layer.
    std::optional<std::string> get(const std::string& name) const;
    // As the 2015 ConfigurationService.getString: surrounding whitespace trimmed, an empty value counts as
    // unset. A file entry that is empty therefore hides a -D value, as it did in Java.
    std::optional<std::string> getString(const std::string& name) const;
};

}  // namespace jicofo::config
