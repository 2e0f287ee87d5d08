#pragma once
// Destination=Syslog in the logging settings: RFC 3164 over UDP like the 2015 commented-out handler
// (facility local0, port 514), with focus severities mapped to syslog levels. Boost's own Syslog destination
// has no facility setting and cannot map an enum severity, so this one replaces it.

namespace jicofo::log {

void registerSyslogSinkFactory();

}  // namespace jicofo::log
