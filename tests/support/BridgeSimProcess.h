#pragma once
// The bridge simulator (tests/bridgesim, a 2015-style jitsi-videobridge) as a subprocess connected to a
// ProsodyFixture as its component, and the IQs tests use to look into it and to break it.
//
//   BridgeSimProcess::Options o;
//   o.extraArgs = {"--expire=2", "--sweep-interval-ms=200"};
//   BridgeSimProcess bridge(*prosody, o);
//   ASSERT_TRUE(bridge.waitReady()) << bridge.log();
//   auto client = TestClient::anonymous(*prosody);
//   EXPECT_TRUE(bridge.waitListing(*client, [](auto& l) { return l.channelCount() == 0; }));
//   bridgesim::ControlRequest refuse;
//   refuse.refuseAllocations = true;                 // or silent, delayMs, disconnect + reconnectAfterMs
//   bridge.control(*client, refuse);
//   bridge.kill();                                   // the component vanishes
//
// Queries go through any logged-in test endpoint (the simulator answers stats and control IQs from
// anyone); they throw std::runtime_error when the simulator does not answer.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bridgesim/ControlIq.h"
#include "bridgesim/LiveListing.h"
#include "protocol/colibri/Stats.h"
#include "support/ProsodyFixture.h"
#include "support/SimProcess.h"
#include "support/Subprocess.h"
#include "support/TestEndpoint.h"

namespace jicofo::test {

class BridgeSimProcess {
  public:
    struct Options {
        std::string subdomain = "jitsi-videobridge";  // the component is SUBDOMAIN.DOMAIN
        std::string secret;                           // empty: the fixture's bridge secret
        std::vector<std::string> extraArgs;           // more bridgesim flags (see bridgesim --help)
        std::string logLevel = "info";
    };

    explicit BridgeSimProcess(const ProsodyFixture& prosody);
    BridgeSimProcess(const ProsodyFixture& prosody, Options options);
    ~BridgeSimProcess();  // SIGTERM, SIGKILL after 5 s
    BridgeSimProcess(const BridgeSimProcess&) = delete;
    BridgeSimProcess& operator=(const BridgeSimProcess&) = delete;

    // The path of the program: JICOFO_BINARY_DIR/tests/bridgesim/bridgesim.
    static std::string binaryPath();

    // Waits until the component has logged in `connections` times in all (1 = first start; 2 = back
    // after a disconnect). False on timeout or when the process exited.
    bool waitReady(int connections = 1, int timeoutMs = 10000);
    // Clean stop (SIGTERM: the stream is closed) / SIGKILL (the server sees the socket die) / SIGSTOP
    // and SIGCONT (connected but unresponsive, as a hung bridge).
    void stop();
    void kill();
    void pause();
    void resume();
    bool running();

    util::Jid jid() const { return jid_; }
    std::string log() const { return sim_->log(); }
    Subprocess& process() { return sim_->process(); }

    // <iq type='get'><stats xmlns='http://jitsi.org/protocol/colibri'/></iq>: the stats and the listing.
    protocol::colibri::Stats stats(TestEndpoint& via, util::Duration timeout = util::Duration(5000)) const;
    bridgesim::LiveListing listing(TestEndpoint& via, util::Duration timeout = util::Duration(5000)) const;
    // Polls the listing every 50 ms until pred holds; false on timeout (the last listing is in *last).
    bool waitListing(TestEndpoint& via, const std::function<bool(const bridgesim::LiveListing&)>& pred,
                     int timeoutMs = 5000, bridgesim::LiveListing* last = nullptr) const;
    // The control IQ (ControlIq.h); returns the switches now in force.
    bridgesim::FailureSwitches control(TestEndpoint& via, const bridgesim::ControlRequest& request,
                                       util::Duration timeout = util::Duration(5000)) const;

  private:
    util::Jid jid_;
    std::unique_ptr<SimProcess> sim_;
};

}  // namespace jicofo::test
