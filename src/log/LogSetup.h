#pragma once
// Installs the log sinks once at start-up (after config::load, before any thread starts).
//
// Settings come from a Boost.Log settings file (INI; named logging.properties for layout parity with the 2015
// lib/logging.properties, found through -Djava.util.logging.config.file=PATH), then the LEVEL/FILE properties
// override it. The file is read by this folder's own parsers (SettingsFile, LogFilter, LogFormat, LogSinks),
// not boost_log_setup, which would map boost_regex and ICU into the process. Without a file: one console sink
// (stderr), INFO and above. Every line looks like
//   2015-11-05 16:52:26.123 INFO [0x00007f3a1c2f7700] [room=myroom@conference.example.com] message
// (the room part only on JLOG_ROOM lines). A sink without its own Format gets that one.
//
// Beyond Boost's own settings: %TimeStamp% prints milliseconds, %Room% prints "[room=...] " or nothing, and
// Destination=Syslog is ours: UDP, Facility (default local0), TargetAddress (default localhost), TargetPort
// (default 514), LocalAddress, with the focus severities mapped to syslog levels. Not offered: the
// `matches` (regular expression) filter relation and Boost's Asynchronous sinks.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "log/Log.h"

namespace jicofo::log {

std::ostream& operator<<(std::ostream& out, Severity s);  // "INFO", as in the line format
std::istream& operator>>(std::istream& in, Severity& s);  // any name parseSeverity accepts

struct LogSettings {
    std::optional<std::string> settingsFile;  // Boost.Log settings (logging.properties); none => defaults
    std::optional<std::string> level;         // org.jitsi.jicofo.log.LEVEL: replaces the [Core] Filter
    std::optional<std::string> file;          // org.jitsi.jicofo.log.FILE: adds a file sink
    std::uintmax_t fileRotationSize = 10 * 1024 * 1024;  // the FILE sink starts a new file past this size
    unsigned fileMaxFiles = 10;                          // rotated FILE.N files kept beside it
};

// The format used by sinks that do not set one.
const char* defaultFormat();

// Replaces all sinks and filters (and adds the operator page's RecentWarnings sink). Returns a one-line error
// (file unreadable, bad syntax, unknown destination, bad filter...) for the caller to print before exiting;
// the console default is then installed so the process can still report.
std::optional<std::string> setup(const LogSettings& settings);

void flush();
// Removes every sink and filter (Boost.Log's own default console sink takes over again). For tests and exit.
void shutdown();

}  // namespace jicofo::log
