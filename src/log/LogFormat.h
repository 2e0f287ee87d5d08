#pragma once
// Boost.Log extensions used by settings files: Severity filters/formatting, %TimeStamp% with milliseconds,
// %Room%, and the Syslog destination. Internal to log/.

namespace jicofo::log {

// Idempotent; registers the factories and the common attributes (TimeStamp, ThreadID...).
void registerLogExtensions();

}  // namespace jicofo::log
