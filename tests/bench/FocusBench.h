#pragma once
// Issue 3 figures (the foundation): start-up to both streams ready, idle RSS, conference IQ -> reply and
// -> the focus's presence seen by a participant, over many rooms created concurrently, and the RSS with
// them, all against the real Prosody of the fixture.
#include <memory>
#include <vector>

#include "bench/RoomRequester.h"
#include "bench/Samples.h"
#include "bench/Table.h"
#include "support/FocusProcess.h"
#include "support/ProsodyFixture.h"

namespace jicofo::bench {

class FocusBench {
  public:
    struct Options {
        int rooms = 200;
        int inFlight = 20;  // conference IQs outstanding at any time, over all clients
        int clients = 5;    // test clients sharing them (pipelining on each stream)
        int startups = 5;   // fresh focus processes timed from fork to both streams ready
    };

    FocusBench(test::ProsodyFixture& prosody, Options options);
    Table run();

  private:
    // Starts a focus and times it; returns it running and logged in (nullptr when it did not come up).
    std::unique_ptr<test::FocusProcess> startTimed(Samples& total, Samples& component, Samples& user);
    void roomsPhase(test::FocusProcess& focus, long idleRssKb, Table& table);
    // Creates `rooms` rooms with `inFlight` conference IQs outstanding over `clients` clients; the clients
    // stay in their rooms (kept in clients_) until the end of the run.
    std::unique_ptr<RoomRequester::Run> createRooms(int rooms, int inFlight, int clients, double* wallMs);

    test::ProsodyFixture& prosody_;
    Options options_;
    std::vector<std::unique_ptr<RoomRequester>> clients_;
};

}  // namespace jicofo::bench
