#pragma once
// One test client that creates rooms through the focus as fast as it is allowed: it keeps `inFlight`
// conference IQs outstanding (pipelined on its one stream), and for every answered room joins the MUC as a
// participant would right after, to see when the focus's own presence reaches a participant. Everything
// runs on the client's reader thread (TestEndpoint's auto-responder), so the receive times are the
// arrival times, not when some waiting thread got round to it.
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bench/Samples.h"
#include "support/TestClient.h"
#include "util/Jid.h"

namespace jicofo::bench {

class RoomRequester {
  public:
    // What all requesters of one run share: the rooms still to create and the figures.
    struct Run {
        int rooms = 200;
        std::string roomPrefix;  // rooms are PREFIX-N@MUC
        std::string mucDomain;
        util::Jid focus;  // focus.DOMAIN
        std::atomic<int> next{0};
        Samples iqToReply, iqToFocusPresence;
        std::atomic<int> replies{0}, errors{0}, focusSeen{0};
        std::mutex mutex;
        std::condition_variable done;
        std::vector<std::string> firstErrors;  // a few error replies, verbatim
    };

    RoomRequester(std::unique_ptr<test::TestClient> client, Run& run);
    ~RoomRequester();
    RoomRequester(const RoomRequester&) = delete;
    RoomRequester& operator=(const RoomRequester&) = delete;

    // Sends the first `inFlight` requests; replies trigger the next ones until the run has no room left.
    void start(int inFlight);
    test::TestClient& client() { return *client_; }

  private:
    bool onStanza(const xml::Element& stanza);
    void sendNext();
    void notify();

    struct Pending {
        std::string room;
        Clock::time_point sent;
    };
    std::unique_ptr<test::TestClient> client_;
    Run& run_;
    std::mutex mutex_;
    std::map<std::string, Pending> pendingIqs_;              // by IQ id
    std::map<std::string, Clock::time_point> pendingJoins_;  // room bare JID -> its IQ's send time
};

}  // namespace jicofo::bench
