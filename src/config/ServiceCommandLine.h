#pragma once
// The Windows service flags, kept apart from the focus's own flags: POCO's ServerApplication handles them
// (registerService, unregisterService, displayName, description, startup), the focus never sees them.
// Accepted as /name[=value] (POCO's Windows style), --name[=value] or -name[=value]; names are
// case-insensitive. A registered service is started with the remaining flags, so they are also turned into
// the Windows command line the service manager will run.
#include <string>
#include <vector>

namespace jicofo::config {

struct ServiceCommandLine {
    std::vector<std::string> pocoArgs;     // "--registerService", "--displayName=Jitsi Meet Focus", ...
    std::vector<std::string> programArgs;  // every other argument, in order
    bool registers = false;
    bool unregisters = false;
    bool hasDisplayName = false;
};

// args excludes the program name.
ServiceCommandLine splitServiceFlags(const std::vector<std::string>& args);

// One argument quoted so that CommandLineToArgvW and the C runtime give it back unchanged.
std::string quoteWindowsArgument(const std::string& arg);

// "program" arg1 arg2 ...: the program is always quoted (it lives under "Program Files").
std::string windowsCommandLine(const std::string& program, const std::vector<std::string>& args);

// The arguments with the values of --secret, --user_password and of -D properties named *PASSWORD* or
// *SECRET* replaced by *****, for printing.
std::vector<std::string> maskSecrets(std::vector<std::string> args);

}  // namespace jicofo::config
