// jicofo: the Jitsi Meet conference focus. Loads the configuration (the 2015 flags, -D properties,
// sip-communicator.properties), sets up logging, then runs the ServerApplication.
#include <iostream>
#include <string>
#include <vector>

#include "app/FocusApplication.h"
#include "config/Catalog.h"
#include "config/ConfigLoader.h"
#include "config/PropertyNames.h"
#include "log/Log.h"
#include "log/LogSetup.h"

#ifdef _WIN32
#include <Poco/Net/Net.h>
#include <Poco/Path.h>

#include "app/WindowsService.h"
#include "config/ServiceCommandLine.h"
#endif

extern char** environ;

namespace {

#ifdef _WIN32
// /registerService, /unregisterService: POCO writes the service entry, then the focus's own flags become its
// command line (POCO would start the service without them). A service has no console: unless the flags name
// a log file, it logs to jicofo.log beside the program.
int manageService(const jicofo::config::ServiceCommandLine& service, std::vector<std::string> pocoArgs,
                  const std::optional<jicofo::config::FocusConfig>& config) {
    if (service.registers && !service.hasDisplayName) pocoArgs.push_back("--displayName=Jitsi Meet Focus");
    std::vector<char*> pocoArgv;
    for (auto& a : pocoArgs) pocoArgv.push_back(a.data());
    jicofo::app::FocusApplication app(config.value_or(jicofo::config::FocusConfig{}));
    int rc = app.run(static_cast<int>(pocoArgv.size()), pocoArgv.data());
    if (rc != 0 || !service.registers) return rc;

    std::string exe = jicofo::app::executablePath();
    std::vector<std::string> args = service.programArgs;
    if (!config->logFile)
        args.push_back(std::string("-D") + jicofo::config::prop::kLogFile + "=" +
                       Poco::Path(exe).setFileName("jicofo.log").toString());
    std::string commandLine = jicofo::config::windowsCommandLine(exe, args);
    if (auto error = jicofo::app::setServiceCommandLine(Poco::Path(exe).getBaseName(), commandLine)) {
        std::cerr << "jicofo: " << *error << std::endl;
        return 1;
    }
    std::cout << "jicofo: the service runs "
              << jicofo::config::windowsCommandLine(exe, jicofo::config::maskSecrets(args)) << std::endl;
    return 0;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    // POCO sees only what it handles itself (daemon mode and pid file; the service flags on Windows).
    std::vector<std::string> pocoArgs{argv[0]};
#ifdef _WIN32
    // A static POCO does not start Winsock by itself.
    Poco::Net::initializeNetwork();
    auto service = jicofo::config::splitServiceFlags(args);
    args = service.programArgs;
    pocoArgs.insert(pocoArgs.end(), service.pocoArgs.begin(), service.pocoArgs.end());
    if (service.unregisters) return manageService(service, pocoArgs, std::nullopt);
#endif
    auto config = jicofo::config::load(args, jicofo::config::environmentFrom(environ));
    if (!config) {
        std::cerr << "jicofo: " << config.error().message << std::endl;
        return 1;
    }
    if (config->helpRequested) {
        std::cout << jicofo::config::usage(argv[0]);
        return 0;
    }
#ifdef _WIN32
    if (service.registers) return manageService(service, pocoArgs, config.value());
#endif
    if (auto error = jicofo::log::setup({config->loggingConfigFile, config->logLevel, config->logFile})) {
        std::cerr << "jicofo: " << *error << std::endl;
        return 1;
    }
    for (const auto& note : config->notes) {
        if (note.level == jicofo::config::ConfigNote::Level::warning)
            JLOG(warning) << note.text;
        else
            JLOG(info) << note.text;
    }
#ifndef _WIN32
    if (config->daemon) pocoArgs.push_back("--daemon");
    if (config->pidFile) pocoArgs.push_back("--pidfile=" + *config->pidFile);
#else
    if (config->daemon || config->pidFile)
        JLOG(warning)
            << "--daemon and --pidfile are ignored on Windows: register a service (/registerService)";
#endif
    std::vector<char*> pocoArgv;
    for (auto& a : pocoArgs) pocoArgv.push_back(a.data());
    jicofo::app::FocusApplication app(std::move(config.value()));
    return app.run(static_cast<int>(pocoArgv.size()), pocoArgv.data());
}
