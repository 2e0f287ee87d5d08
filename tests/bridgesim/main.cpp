// bridgesim: a 2015-style jitsi-videobridge for tests and local runs. Connects to the XMPP server as the
// component SUBDOMAIN.DOMAIN and answers Colibri like the 2015 bridge, without carrying media.
#include "bridgesim/BridgeSimulator.h"
#include "bridgesim/ComponentLink.h"
#include "bridgesim/SimFlags.h"
#include "log/Log.h"
#include "simcommon/SimMain.h"
#include "util/EventLoop.h"

using namespace jicofo;

int main(int argc, char** argv) {
    auto flags = bridgesim::parseFlags(std::vector<std::string>(argv + 1, argv + argc));
    if (auto exit = simcommon::startUp("bridgesim", flags, bridgesim::usage(argv[0]))) return *exit;
    simcommon::StopSignals signals("bridgesim");
    util::EventLoop loop;
    simcommon::logTaskErrors(loop, "bridgesim");
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
    signals.run(loop);
    link.shutdown();
    simcommon::finish("bridgesim");
    return 0;
}
