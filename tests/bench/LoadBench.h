#pragma once
// Issue 10 §4: the load generator. Real Prosody (the bench's fixture), the bridge simulator(s) and the focus
// as their own processes, every participant a 2015-style client (LoadRoom). Four parts:
//  - scale:       R rooms of P participants, ramped at N participants/s; latencies, CPU, RSS, the wall;
//  - restarts:    Prosody restarted K times under that load; everyone reconnects and rejoins each time;
//  - bridge-kill: two bridge simulators, one killed under load; its participants re-offered on the other;
//  - soak:        M minutes of churn (rooms of 2-8 join, negotiate, leave); RSS after warm-up and at the end.
// Set-up timeouts are retried and reported, never fatal.
#include <string>
#include <vector>

#include "bench/Table.h"
#include "support/ProsodyFixture.h"

namespace jicofo::bench {

class LoadBench {
  public:
    struct Options {
        int rooms = 500;
        int perRoom = 8;
        int rampPerS = 100;        // participants started per second
        int workers = 64;          // rooms being set up at a time
        int restarts = 20;         // Prosody restarts in the restarts part
        int healthCheckMs = 1000;  // the focus's bridge health check interval in the bridge-kill part
        int minutes = 1;           // soak duration
        int soakWorkers = 6;       // rooms in flight during the soak
    };

    LoadBench(test::ProsodyFixture& prosody, Options options);
    Table scale();
    Table restarts();
    Table bridgeKill();
    Table soak();

  private:
    std::vector<std::string> focusArgs(int defaultHealthCheckMs = 0) const;

    test::ProsodyFixture& prosody_;
    Options options_;
};

}  // namespace jicofo::bench
