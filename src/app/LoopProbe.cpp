#include "app/LoopProbe.h"

#include <algorithm>
#include <map>

#include "log/RecentWarnings.h"

namespace jicofo::app {
namespace {

using util::Clock;

double millis(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

http::HealthReport noAnswer() {
    http::HealthReport r;
    r.status = 503;
    r.add("focus_loop", false,
          "the focus loop did not answer within " + std::to_string(LoopProbe::kLoopTimeout.count()) + " ms");
    return r;
}

// Rooms by participants: [n] for n = 0..20, the last bucket for 21 and more (modern Jicofo's buckets).
constexpr std::size_t kSizeBuckets = 22;

}  // namespace

LoopProbe::LoopProbe(FocusWiring& wiring, HealthCheck& health, util::Duration joinTimeout)
    : w_(wiring), health_(health), joinTimeout_(joinTimeout), started_(Clock::now()), caller_(wiring.loop) {}

http::FocusStats LoopProbe::collect(FocusWiring& w, util::TimePoint started) {
    http::FocusStats s;
    s.conferences = w.focus.conferenceCount();
    s.conferenceSizes.assign(kSizeBuckets, 0);
    std::map<std::string, std::size_t> perBridge;
    for (const auto* c : w.focus.conferences()) {
        std::size_t n = c->room().occupants().size();  // the focus is not among its own occupants
        s.participants += n;
        s.largestConference = std::max(s.largestConference, n);
        ++s.conferenceSizes[std::min(n, kSizeBuckets - 1)];
        http::ConferenceInfo& info = s.conferenceList.emplace_back();
        info.room = c->roomJid().str();
        info.participants = n;
        info.ageSeconds =
            std::chrono::duration_cast<std::chrono::seconds>(w.loop.now() - c->createdAt()).count();
        if (const auto* media = c->media())
            for (const auto& b : media->bridgesInUse()) {
                info.bridges.push_back(b.str());
                ++perBridge[b.str()];
            }
    }
    std::sort(s.conferenceList.begin(), s.conferenceList.end(),
              [](const auto& a, const auto& b) { return a.ageSeconds > b.ageSeconds; });
    s.conferencesCreated = w.focus.conferencesCreated();
    for (const auto& b : w.bridges.bridges()) {
        ++s.bridges;
        http::BridgeInfo& info = s.bridgeList.emplace_back();
        info.jid = b.jid.str();
        info.operational = w.selector.isOperational(b, w.loop.now());
        info.healthy = b.healthy;
        info.conferences = perBridge[info.jid];
        info.reportedConferences = b.conferences;
        info.videoChannels = b.videochannels;
        info.videoStreams = b.videostreams;
        if (info.operational) ++s.operationalBridges;
    }
    std::sort(s.bridgeList.begin(), s.bridgeList.end(),
              [](const auto& a, const auto& b) { return a.jid < b.jid; });
    s.recentWarnings = log::recentWarnings();
    if (w.componentSide.isConnected()) s.componentJid = w.componentSide.localJid().str();
    if (w.client.isConnected()) s.focusUserJid = w.client.localJid().str();
    s.gracefulShutdown = w.focus.gracefulShutdown();
    s.componentConnected = w.componentSide.isConnected();
    s.clientConnected = w.client.isConnected();
    s.uptimeSeconds = std::chrono::duration_cast<std::chrono::seconds>(w.loop.now() - started).count();
    return s;
}

std::optional<http::FocusStats> LoopProbe::stats() {
    auto posted = Clock::now();
    return caller_.call<http::FocusStats>(
        [this, posted] {
            auto s = collect(w_, started_);
            s.loopLatencyMs = millis(Clock::now() - posted);
            return s;
        },
        kLoopTimeout);
}

std::optional<util::Duration> LoopProbe::ping() {
    auto posted = Clock::now();
    return caller_.call<util::Duration>(
        [posted] { return std::chrono::duration_cast<util::Duration>(Clock::now() - posted); }, kLoopTimeout);
}

http::HealthReport LoopProbe::liveness() {
    auto latency = ping();
    if (!latency) return noAnswer();
    http::HealthReport r;
    r.add("focus_loop", *latency < HealthCheck::kSlowLoop,
          "picked up the check after " + std::to_string(latency->count()) + " ms");
    return r;
}

http::HealthReport LoopProbe::health() {
    auto latency = ping();
    if (!latency) return noAnswer();
    auto report = caller_.callAsync<http::HealthReport>(
        [this, latency](std::function<void(http::HealthReport)> done) { health_.run(*latency, done); },
        joinTimeout_ + kLoopTimeout);
    if (report) return std::move(*report);
    http::HealthReport r;
    r.add("focus_loop", false, "the health check did not finish in time");
    return r;
}

}  // namespace jicofo::app
