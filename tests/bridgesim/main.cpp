// bridgesim: a 2015-style jitsi-videobridge for tests and local runs. Connects to the XMPP server as the
// component SUBDOMAIN.DOMAIN and answers Colibri like the 2015 bridge, without carrying media.
#include <signal.h>

#include <iostream>
#include <thread>

#include "bridgesim/BridgeSimulator.h"
#include "bridgesim/ComponentLink.h"
#include "bridgesim/SimFlags.h"
#include "log/Log.h"
#include "log/LogSetup.h"
#include "util/EventLoop.h"

using namespace jicofo;

namespace {

// SIGINT/SIGTERM stop the loop; blocked in every thread, taken by one waiting thread.
std::thread signalWaiter(util::EventLoop& loop, sigset_t signals) {
    return std::thread([&loop, signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        if (sig == SIGUSR2) return;  // our own wake-up at exit
        JLOG(info) << "bridgesim: signal " << sig << ", stopping";
        loop.post([&loop] { loop.stop(); });
    });
}

}  // namespace

int main(int argc, char** argv) {
    auto flags = bridgesim::parseFlags(std::vector<std::string>(argv + 1, argv + argc));
    if (!flags) {
        std::cerr << "bridgesim: " << flags.error() << "\n" << bridgesim::usage(argv[0]);
        return 64;
    }
    if (flags->help) {
        std::cout << bridgesim::usage(argv[0]);
        return 0;
    }
    log::LogSettings logSettings;
    logSettings.level = flags->logLevel;
    if (auto error = log::setup(logSettings)) {
        std::cerr << "bridgesim: " << *error << std::endl;
        return 64;
    }
    sigset_t signals;
    sigemptyset(&signals);
    for (int s : {SIGINT, SIGTERM, SIGUSR2}) sigaddset(&signals, s);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    util::EventLoop loop;
    loop.setErrorHandler(
        [](const std::exception& e) { JLOG(error) << "bridgesim: task failed: " << e.what(); });
    auto config =
        xmpp::XmppStream::Config::component(flags->host, flags->port, flags->componentJid(), flags->secret);
    config.name = "bridgesim " + flags->componentJid();
    bridgesim::ComponentLink link(config, loop);
    bridgesim::BridgeSimulator sim(link, loop, flags->sim);
    link.setListener(&sim);
    sim.setDisconnectHandler([&](int64_t after) {
        link.disconnect();
        if (after >= 0) loop.schedule(util::Duration(after), [&] { link.connect(); });
    });
    loop.post([&] {
        JLOG(info) << "bridgesim: starting as " << flags->componentJid() << " via " << flags->host << ":"
                   << flags->port;
        sim.start();
        link.connect();
        if (flags->disconnectAfterMs >= 0)
            loop.schedule(util::Duration(flags->disconnectAfterMs),
                          [&] { sim.disconnect(flags->reconnectAfterMs); });
    });
    std::thread waiter = signalWaiter(loop, signals);
    loop.run();
    link.shutdown();
    pthread_kill(waiter.native_handle(), SIGUSR2);
    waiter.join();
    JLOG(info) << "bridgesim: stopped";
    log::flush();
    return 0;
}
