#pragma once
// The sinks of the logging settings, made from a [Sinks.NAME] section by its Destination:
//   Console   standard error (std::clog), as the 2015 ConsoleHandler. AutoFlush.
//   TextFile  a file, as Boost.Log's own settings name it: FileName, TargetFileName, Target, RotationSize,
//             RotationInterval (s), RotationTimePoint ("HH:MM:SS", "Sunday HH:MM:SS", "1 HH:MM:SS"),
//             MaxSize, MinFreeSpace, MaxFiles, ScanForFiles (All|Matching), Append, EnableFinalRotation,
//             AutoFlush.
//   Syslog    RFC 3164 over UDP (see SyslogSink.h).
// Every sink also takes Filter (LogFilter.h) and Format (LogFormat.h; default: defaultFormat()).
// Parameters Boost.Log would ignore are ignored here too; a bad value is an error.
#include <boost/log/sinks/sink.hpp>
#include <boost/shared_ptr.hpp>
#include <string>

#include "log/SettingsFile.h"

namespace jicofo::log {

// Throws std::invalid_argument naming the sink and what is wrong.
boost::shared_ptr<boost::log::sinks::sink> makeSink(const std::string& name, const SettingsSection& params);

}  // namespace jicofo::log
