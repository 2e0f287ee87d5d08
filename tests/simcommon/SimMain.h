#pragma once
// The frame both bridge simulator programs (bridgesim, bridgesim2) run in: the flags' outcome turned into
// the usage text and exit code, logging set up at the flags' level, SIGINT/SIGTERM stopping the event loop.
//
//   auto flags = parseFlags(args);
//   if (auto exit = simcommon::startUp("bridgesim2", flags, usage(argv[0]))) return *exit;
//   simcommon::StopSignals signals("bridgesim2");     // before any thread starts: blocks the signals
//   util::EventLoop loop;  simcommon::logTaskErrors(loop, "bridgesim2");
//   … wire the simulator, start its threads …
//   signals.run(loop);                                // until SIGINT or SIGTERM
//   … stop the threads …
//   simcommon::finish("bridgesim2");
#include <signal.h>

#include <iostream>
#include <optional>
#include <string>

#include "log/Log.h"
#include "log/LogSetup.h"
#include "util/EventLoop.h"
#include "util/Result.h"

namespace jicofo::simcommon {

// Exit code 64 with the error and the usage, 0 after --help, 64 when logging cannot be set up; nullopt when
// the program should run. Flags: anything with `help` and `logLevel`.
template <typename Flags>
std::optional<int> startUp(const std::string& program, const util::Result<Flags, std::string>& flags,
                           const std::string& usage) {
    if (!flags) {
        std::cerr << program << ": " << flags.error() << "\n" << usage;
        return 64;
    }
    if (flags->help) {
        std::cout << usage;
        return 0;
    }
    log::LogSettings logSettings;
    logSettings.level = flags->logLevel;
    if (auto error = log::setup(logSettings)) {
        std::cerr << program << ": " << *error << std::endl;
        return 64;
    }
    return std::nullopt;
}

// A task that throws is logged, the loop goes on.
void logTaskErrors(util::EventLoop& loop, const std::string& program);

// SIGINT and SIGTERM, blocked in every thread from construction on, taken by one waiting thread while run()
// runs the loop; either stops it.
class StopSignals {
  public:
    explicit StopSignals(std::string program);
    void run(util::EventLoop& loop);

  private:
    std::string program_;
    sigset_t signals_;
};

// The last log line, flushed.
void finish(const std::string& program);

}  // namespace jicofo::simcommon
