#pragma once
// What the operation endpoints (/about/health, /stats, /metrics) need to know of the focus, as plain values.
// The focus's state lives on its loop, so the implementation (app/LoopProbe) asks the loop and waits with
// a timeout; these calls come from HTTP threads and each returns within its own bound.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jicofo::http {

// One conference as the operator page and /stats list it.
struct ConferenceInfo {
    std::string room;                  // room@conference.DOMAIN
    std::size_t participants = 0;      // occupants but the focus
    std::int64_t ageSeconds = 0;       // since the focus created the conference
    std::vector<std::string> bridges;  // where its channels are (none before two people are in)
};

// One videobridge the focus knows.
struct BridgeInfo {
    std::string jid;
    bool operational = false;     // healthy and no recent allocation failure: the selector may pick it
    bool healthy = false;         // the last health check (or disco) answered
    std::size_t conferences = 0;  // this focus's conferences with channels on it
    // The bridge's own load report (PubSub stats, docs/media.md §1.2), when it sends one.
    std::optional<std::int64_t> reportedConferences, videoChannels, videoStreams;
};

struct FocusStats {
    std::size_t conferences = 0;        // focus conference objects, health-check rooms included (§6.9)
    std::size_t participants = 0;       // occupants of every room but the focus itself
    std::size_t largestConference = 0;  // participants of the fullest room
    std::vector<std::size_t>
        conferenceSizes;                   // [n] = rooms with n participants; the last bucket is "n or more"
    std::uint64_t conferencesCreated = 0;  // since start-up
    std::size_t bridges = 0;               // known to the bridge registry
    std::size_t operationalBridges = 0;    // of those, healthy and not recently failed
    bool gracefulShutdown = false;
    bool componentConnected = false;  // focus.DOMAIN stream
    bool clientConnected = false;     // focus@auth.DOMAIN stream
    std::int64_t uptimeSeconds = 0;
    double loopLatencyMs = 0;                    // how long the loop took to pick up this very question
    std::vector<ConferenceInfo> conferenceList;  // oldest first
    std::vector<BridgeInfo> bridgeList;          // by JID
    std::vector<std::string> recentWarnings;     // the log's last WARNING/ERROR lines, oldest first
    std::string componentJid, focusUserJid;      // the two streams (empty when unknown)
};

// One line of the health answer: what was checked, whether it passed, and why not.
struct HealthCheck {
    std::string
        name;  // focus_loop, component_stream, focus_user_stream, graceful_shutdown, bridges, conference
    bool ok = false;
    std::string detail;
};

struct HealthReport {
    // 200 healthy; 500 a check failed (2015: the focus did not join, or shutting down); 503 the focus did not
    // answer at all (2015: focus manager not available).
    int status = 200;
    std::vector<HealthCheck> checks;

    void add(std::string name, bool ok, std::string detail) {
        checks.push_back({std::move(name), ok, std::move(detail)});
        if (!ok && status == 200) status = 500;
    }
};

struct VersionInfo {
    std::string name = "jicofo";
    std::string version;   // project version, with the git revision when the build knew it
    std::string revision;  // git revision alone, empty when unknown
    std::string os;
};

class FocusProbe {
  public:
    virtual ~FocusProbe() = default;
    // nullopt: the focus loop did not answer in time.
    virtual std::optional<FocusStats> stats() = 0;
    // The full check (§6.6): streams, loop, bridges, and a real conference round trip through the server.
    virtual HealthReport health() = 0;
    // Cheap: is the process alive and its loop turning? No XMPP traffic.
    virtual HealthReport liveness() = 0;
};

}  // namespace jicofo::http
