#pragma once
// The logging settings file (logging.properties) in Boost.Log's INI syntax, read without boost_log_setup
// (whose parsers pull boost_regex and ICU into the process: ~2 MB of resident text for a few lines of INI).
//
//   # comment                     a line starting with # (after blanks)
//   [Sinks.Console]               a section; repeating one adds to it
//   Name = value                  blanks around both trimmed
//   Name = "a \"quoted\" value"   quotes keep blanks and #; \" is a quote inside them (other escapes are
//                                 the filter's and format's: \n \t \\ \%)
#include <iosfwd>
#include <map>
#include <optional>
#include <string>

namespace jicofo::log {

using SettingsSection = std::map<std::string, std::string>;

struct LogSettingsFile {
    std::map<std::string, SettingsSection> sections;  // by full name: "Core", "Sinks.Console"

    // The value of Name in section, if set.
    std::optional<std::string> get(const std::string& section, const std::string& name) const;
};

// Throws std::runtime_error("line N: ...") on a line that is neither a section, a parameter nor a comment.
LogSettingsFile parseSettingsFile(std::istream& in);

// A parameter of a section, if set.
std::optional<std::string> param(const SettingsSection& section, const std::string& name);

// "true"/"false", "yes"/"no", "on"/"off", "1"/"0" in any case; throws std::invalid_argument otherwise.
bool parseBool(const std::string& name, const std::string& value);
// A non-negative integer; throws std::invalid_argument naming the parameter otherwise.
unsigned long long parseCount(const std::string& name, const std::string& value);

}  // namespace jicofo::log
