// bridgesim2: a modern (Colibri2) jitsi-videobridge for tests and local runs. Logs in to the XMPP server as a
// client user, joins the brewery MUC with its stats and answers Colibri2, without carrying media.
#include <signal.h>

#include <iostream>
#include <thread>

#include "bridgesim2/Bridge2Simulator.h"
#include "bridgesim2/Sim2Flags.h"
#include "log/Log.h"
#include "log/LogSetup.h"
#include "util/EventLoop.h"
#include "xmpp/XmppStream.h"

using namespace jicofo;

namespace {

// SIGINT/SIGTERM stop the loop; blocked in every thread, taken by one waiting thread.
std::thread signalWaiter(util::EventLoop& loop, sigset_t signals) {
    return std::thread([&loop, signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        if (sig == SIGUSR2) return;  // our own wake-up at exit
        JLOG(info) << "bridgesim2: signal " << sig << ", stopping";
        loop.post([&loop] { loop.stop(); });
    });
}

}  // namespace

int main(int argc, char** argv) {
    auto flags = bridgesim2::parseFlags(std::vector<std::string>(argv + 1, argv + argc));
    if (!flags) {
        std::cerr << "bridgesim2: " << flags.error() << "\n" << bridgesim2::usage(argv[0]);
        return 64;
    }
    if (flags->help) {
        std::cout << bridgesim2::usage(argv[0]);
        return 0;
    }
    log::LogSettings logSettings;
    logSettings.level = flags->logLevel;
    if (auto error = log::setup(logSettings)) {
        std::cerr << "bridgesim2: " << *error << std::endl;
        return 64;
    }
    sigset_t signals;
    sigemptyset(&signals);
    for (int s : {SIGINT, SIGTERM, SIGUSR2}) sigaddset(&signals, s);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    util::EventLoop loop;
    loop.setErrorHandler(
        [](const std::exception& e) { JLOG(error) << "bridgesim2: task failed: " << e.what(); });
    auto config = xmpp::XmppStream::Config::client(flags->host, flags->port, flags->domain, flags->user,
                                                   flags->password, flags->resource);
    config.trustAll = flags->trustAll;
    config.caFile = flags->caFile;
    config.presencePriority.reset();  // a bridge sends no initial presence, only the brewery one
    config.name = "bridgesim2 " + flags->user + "@" + flags->domain;
    std::unique_ptr<bridgesim2::Bridge2Simulator> sim;
    // The stream needs its listener at construction; the simulator needs the stream: a forwarding listener.
    struct Forward : xmpp::ChannelListener {
        bridgesim2::Bridge2Simulator* to = nullptr;
        void onConnected(const util::Jid& j) override { to->onConnected(j); }
        void onDisconnected(const std::string& r) override { to->onDisconnected(r); }
        void onStanza(const xml::Element& s) override { to->onStanza(s); }
    } forward;
    xmpp::XmppStream stream(config, loop, forward);
    sim = std::make_unique<bridgesim2::Bridge2Simulator>(stream, loop, flags->sim);
    forward.to = sim.get();
    loop.post([&] {
        JLOG(info) << "bridgesim2: starting as " << flags->user << "@" << flags->domain << " for "
                   << sim->occupantJid().str() << " via " << flags->host << ":" << flags->port;
        sim->start();
    });
    std::thread streamThread([&] { stream.run(); });
    std::thread waiter = signalWaiter(loop, signals);
    loop.run();
    stream.stop();
    streamThread.join();
    pthread_kill(waiter.native_handle(), SIGUSR2);
    waiter.join();
    JLOG(info) << "bridgesim2: stopped";
    log::flush();
    return 0;
}
