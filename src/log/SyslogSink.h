#pragma once
// Destination=Syslog in the logging settings: RFC 3164 over UDP like the 2015 commented-out handler
// (Facility, default local0; TargetAddress, default localhost; TargetPort, default 514; LocalAddress), with
// the focus severities mapped to syslog levels. Boost's own Syslog destination has no facility setting and
// cannot map an enum severity, so this one replaces it.
#include <boost/log/sinks/basic_sink_frontend.hpp>
#include <boost/shared_ptr.hpp>

#include "log/SettingsFile.h"

namespace jicofo::log {

// The sink without filter and format (makeSink sets them). Throws std::invalid_argument on a bad parameter.
boost::shared_ptr<boost::log::sinks::basic_formatting_sink_frontend<char>> makeSyslogSink(
    const SettingsSection& params);

}  // namespace jicofo::log
