#include "simcommon/SimMain.h"

#include <pthread.h>

#include <thread>

namespace jicofo::simcommon {

void logTaskErrors(util::EventLoop& loop, const std::string& program) {
    loop.setErrorHandler(
        [program](const std::exception& e) { JLOG(error) << program << ": task failed: " << e.what(); });
}

StopSignals::StopSignals(std::string program) : program_(std::move(program)) {
    sigemptyset(&signals_);
    for (int s : {SIGINT, SIGTERM, SIGUSR2}) sigaddset(&signals_, s);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
}

void StopSignals::run(util::EventLoop& loop) {
    sigset_t signals = signals_;
    std::thread waiter([&loop, signals, program = program_] {
        int sig = 0;
        sigwait(&signals, &sig);
        if (sig == SIGUSR2) return;  // our own wake-up at exit
        JLOG(info) << program << ": signal " << sig << ", stopping";
        loop.post([&loop] { loop.stop(); });
    });
    loop.run();
    pthread_kill(waiter.native_handle(), SIGUSR2);
    waiter.join();
}

void finish(const std::string& program) {
    JLOG(info) << program << ": stopped";
    log::flush();
}

}  // namespace jicofo::simcommon
