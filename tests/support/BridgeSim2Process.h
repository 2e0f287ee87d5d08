#pragma once
// The modern bridge simulator (tests/bridgesim2, a Colibri2 jitsi-videobridge) as a subprocess logged in to
// a ProsodyFixture as a client user and sitting in the brewery MUC, and the IQs tests use to look into it and
// to break it.
//
//   prosody->registerUser("jvb", prosody->authDomain(), "jvbpass");   // once per suite
//   BridgeSim2Process::Options o;
//   o.nick = "jvb1";
//   o.extraArgs = {"--region=eu", "--stress-level=0.3"};
//   BridgeSim2Process bridge(*prosody, o);
//   ASSERT_TRUE(bridge.waitJoined()) << bridge.log();
//   auto l = bridge.listing(*client);                       // any logged-in test endpoint
//   bridgesim2::ControlRequest drain; drain.drain = true;
//   bridge.control(*client, drain);
//
// Listing and control go to the simulator's full JID (user@auth.DOMAIN/NICK), so the asking client need not
// be in the brewery; they throw std::runtime_error when the simulator does not answer.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bridgesim2/Bridge2Control.h"
#include "bridgesim2/Bridge2Listing.h"
#include "support/ProsodyFixture.h"
#include "support/SimProcess.h"
#include "support/Subprocess.h"
#include "support/TestEndpoint.h"

namespace jicofo::test {

class BridgeSim2Process {
  public:
    struct Options {
        std::string nick = "jvb1";  // also the resource
        std::string user = "jvb", password = "jvbpass";
        std::string brewery;                 // "" ⇒ prosody.breweryRoom()
        std::vector<std::string> extraArgs;  // more bridgesim2 flags (see bridgesim2 --help)
        std::string logLevel = "info";
    };

    BridgeSim2Process(const ProsodyFixture& prosody, Options options);
    ~BridgeSim2Process();  // SIGTERM, SIGKILL after 5 s
    BridgeSim2Process(const BridgeSim2Process&) = delete;
    BridgeSim2Process& operator=(const BridgeSim2Process&) = delete;

    // JICOFO_BINARY_DIR/tests/bridgesim2/bridgesim2.
    static std::string binaryPath();

    // Waits until the simulator has joined the brewery `times` times in all (2 = back after leaving).
    bool waitJoined(int times = 1, int timeoutMs = 10000);
    void stop();  // SIGTERM: it leaves the brewery and closes its stream
    void kill();  // SIGKILL: Prosody notices the dead socket
    bool running();

    util::Jid occupantJid() const { return occupant_; }  // BREWERY/NICK
    util::Jid fullJid() const { return full_; }          // user@auth.DOMAIN/NICK
    std::string log() const { return sim_->log(); }
    Subprocess& process() { return sim_->process(); }

    bridgesim2::Listing listing(TestEndpoint& via, util::Duration timeout = util::Duration(5000)) const;
    bool waitListing(TestEndpoint& via, const std::function<bool(const bridgesim2::Listing&)>& pred,
                     int timeoutMs = 5000, bridgesim2::Listing* last = nullptr) const;
    bridgesim2::ControlState control(TestEndpoint& via, const bridgesim2::ControlRequest& request,
                                     util::Duration timeout = util::Duration(5000)) const;

  private:
    util::Jid occupant_, full_;
    std::unique_ptr<SimProcess> sim_;
};

}  // namespace jicofo::test
