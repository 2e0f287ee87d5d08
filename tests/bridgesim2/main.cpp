// bridgesim2: a modern (Colibri2) jitsi-videobridge for tests and local runs. Logs in to the XMPP server as a
// client user, joins the brewery MUC with its stats and answers Colibri2, without carrying media.
#include <thread>

#include "bridgesim2/Bridge2Simulator.h"
#include "bridgesim2/Sim2Flags.h"
#include "log/Log.h"
#include "simcommon/SimMain.h"
#include "util/EventLoop.h"
#include "xmpp/XmppStream.h"

using namespace jicofo;

int main(int argc, char** argv) {
    auto flags = bridgesim2::parseFlags(std::vector<std::string>(argv + 1, argv + argc));
    if (auto exit = simcommon::startUp("bridgesim2", flags, bridgesim2::usage(argv[0]))) return *exit;
    simcommon::StopSignals signals("bridgesim2");
    util::EventLoop loop;
    simcommon::logTaskErrors(loop, "bridgesim2");
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
    signals.run(loop);
    stream.stop();
    streamThread.join();
    simcommon::finish("bridgesim2");
    return 0;
}
