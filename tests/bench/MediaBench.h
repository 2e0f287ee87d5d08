#pragma once
// Issue 4 figures (media sessions): with the bridge simulator as its own process and every participant a
// real XMPP client playing a 2015 Jitsi Meet client, N conferences of P participants go through the focus:
// MUC join -> session-initiate, session-accept -> source-add at the others, RSS per participant and the
// focus's CPU time against Prosody's. Then everyone leaves and the bridge must end with no channel.
// With colibri2 the bridge is the modern simulator in the brewery (issue 13), for the same figures over
// Colibri2.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/MediaParticipant.h"
#include "bench/Samples.h"
#include "bench/Table.h"
#include "support/ProsodyFixture.h"

namespace jicofo::bench {

class MediaBench {
  public:
    struct Options {
        int conferences = 100;
        int participants = 4;
        int inFlight = 10;       // conferences being set up at the same time
        int connectThreads = 4;  // client log-ins in parallel before the timed part
        bool caps = true;        // clients send XEP-0115 caps (false: the focus asks each for disco#info)
        bool colibri2 = false;   // a modern bridge in the brewery (bridgesim2) instead of the 2015 one
    };

    MediaBench(test::ProsodyFixture& prosody, Options options);
    Table run();

  private:
    // Joins the P participants of conference k one after the other and waits until each knows everyone's
    // sources. Returns "" or what went wrong.
    std::string runConference(int k);
    void collect(int k);

    test::ProsodyFixture& prosody_;
    Options options_;
    std::string roomPrefix_;
    std::vector<std::unique_ptr<MediaParticipant>> participants_;
    std::map<uint32_t, const MediaParticipant*> owners_;
    Samples joinToInitiate_, firstJoinToInitiate_, acceptToSourceAdd_, queuedSourceAdd_;
    Samples joinToDisco_, discoToInitiate_;
    Samples offerElements_, offerBytes_;
    int duplicates_ = 0;
    int problemsShown_ = 0;  // the two halves of join -> session-initiate
};

}  // namespace jicofo::bench
