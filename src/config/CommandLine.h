#pragma once
// Splits the arguments by the 2015 rules (docs/protocol.md §1, jicoco CmdLine): `--name=value` with one or
// two leading hyphens stripped; no '=' or '=' first => skipped with a warning; empty value => skipped;
// unknown names warned about and ignored; a repeated flag keeps its last value. Additions: `-Dname=value`
// sets a system property as Java's -D did, `--help`/`-h` and `--daemon` need no value.
#include <map>
#include <string>
#include <vector>

namespace jicofo::config {

struct CommandLine {
    std::map<std::string, std::string> flags;             // known names only, without hyphens
    std::map<std::string, std::string> systemProperties;  // from -D
    bool help = false;
    std::vector<std::string> warnings;
};

// The flag names the focus knows, in usage order.
const std::vector<std::string>& knownFlags();

// args excludes the program name.
CommandLine parseCommandLine(const std::vector<std::string>& args);

}  // namespace jicofo::config
