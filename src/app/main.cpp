// jicofo: the Jitsi Meet conference focus. Loads the configuration (the 2015 flags, -D properties,
// sip-communicator.properties), sets up logging, then runs the ServerApplication.
#include <iostream>
#include <string>
#include <vector>

#include "app/FocusApplication.h"
#include "config/Catalog.h"
#include "config/ConfigLoader.h"
#include "log/Log.h"
#include "log/LogSetup.h"

extern char** environ;

int main(int argc, char** argv) {
    auto config = jicofo::config::load(argc, argv, environ);
    if (!config) {
        std::cerr << "jicofo: " << config.error().message << std::endl;
        return 1;
    }
    if (config->helpRequested) {
        std::cout << jicofo::config::usage(argv[0]);
        return 0;
    }
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
    // POCO sees only what it handles itself (daemon mode, pid file); the rest was ours.
    std::vector<std::string> pocoArgs{argv[0]};
    if (config->daemon) pocoArgs.push_back("--daemon");
    if (config->pidFile) pocoArgs.push_back("--pidfile=" + *config->pidFile);
    std::vector<char*> pocoArgv;
    for (auto& a : pocoArgs) pocoArgv.push_back(a.data());
    jicofo::app::FocusApplication app(std::move(config.value()));
    return app.run(static_cast<int>(pocoArgv.size()), pocoArgv.data());
}
