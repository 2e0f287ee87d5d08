#pragma once
// The simulated bridge's statistics, named as the 2015 jvb VideobridgeStatistics published them
// (docs/media.md §1.2) plus 'channels' (every RTP channel and SCTP connection), and the test listing of live
// state.
#include "bridgesim/ColibriBridge.h"
#include "bridgesim/LiveListing.h"
#include "protocol/colibri/Stats.h"

namespace jicofo::bridgesim {

// audiochannels, bitrate_download, bitrate_upload, channels, conferences, cpu_usage, current_timestamp,
// graceful_shutdown, participants, rtp_loss, threads, total_memory, used_memory, videochannels,
// videostreams. participants = endpoints with channels, per conference, summed. videostreams = per video
// channel, the streams it is sent: the other video endpoints, capped by its last-n.
colibri::Stats collectStats(const ColibriBridge& bridge);

// The live conferences and channels, for tests.
LiveListing snapshot(const ColibriBridge& bridge);

// The answer to <stats xmlns='http://jitsi.org/protocol/colibri'/>: the stats, then the <live> listing.
xml::Element statsAnswer(const ColibriBridge& bridge);

}  // namespace jicofo::bridgesim
