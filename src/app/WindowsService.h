#pragma once
// What POCO's ServerApplication leaves out when it registers the focus as a Windows service: POCO records
// only the program's path, while the focus needs its flags (--domain, --secret, ...) every time the service
// manager starts it. Windows only; main.cpp calls these around POCO's /registerService.
#include <optional>
#include <string>

namespace jicofo::app {

// The running program's full path (GetModuleFileName), UTF-8.
std::string executablePath();

// Replaces the command line the service manager runs for the service `name` (ChangeServiceConfig).
// Returns the system's reason on failure.
std::optional<std::string> setServiceCommandLine(const std::string& name, const std::string& commandLine);

}  // namespace jicofo::app
