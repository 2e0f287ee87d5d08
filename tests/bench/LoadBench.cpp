#include "bench/LoadBench.h"

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "bench/LoadRoom.h"
#include "bench/ProcStat.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Stanza.h"
#include "support/BridgeSimProcess.h"
#include "support/FocusProcess.h"
#include "support/TestClient.h"
#include "util/Ids.h"

namespace jicofo::bench {

using namespace std::chrono_literals;

namespace {

// Samples the CPU time of a few processes every second while a part runs: the busiest second of each and
// their totals (a pid getter, since Prosody's changes when it restarts).
class CpuSampler {
  public:
    explicit CpuSampler(std::vector<std::function<pid_t()>> pids) : pids_(std::move(pids)) {
        last_.resize(pids_.size(), -1);
        peak_.resize(pids_.size(), 0);
        for (std::size_t i = 0; i < pids_.size(); ++i) last_[i] = procCpuMs(pids_[i]());
        thread_ = std::thread([this] { loop(); });
    }
    ~CpuSampler() { stop(); }
    void stop() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        cv_.notify_all();
        if (thread_.joinable()) thread_.join();
    }
    // Highest share of one core the process used in a one-second window, in %.
    double peak(std::size_t i) const {
        std::lock_guard<std::mutex> lock(mutex_);
        return peak_[i];
    }

  private:
    void loop() {
        std::unique_lock<std::mutex> lock(mutex_);
        auto t = Clock::now();
        while (!cv_.wait_for(lock, 1s, [this] { return stop_; })) {
            auto now = Clock::now();
            double ms = msBetween(t, now);
            t = now;
            for (std::size_t i = 0; i < pids_.size(); ++i) {
                long cpu = procCpuMs(pids_[i]());
                if (cpu >= 0 && last_[i] >= 0 && cpu >= last_[i])
                    peak_[i] = std::max(peak_[i], 100.0 * static_cast<double>(cpu - last_[i]) / ms);
                last_[i] = cpu;
            }
        }
    }
    std::vector<std::function<pid_t()>> pids_;
    std::vector<long> last_;
    std::vector<double> peak_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool stop_ = false;
    std::thread thread_;
};

// Runs f(i) for i in [0, n) on `threads` threads.
void parallel(int n, int threads, const std::function<void(int)>& f) {
    std::atomic<int> next{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < std::max(1, std::min(threads, n)); ++t)
        workers.emplace_back([&] {
            for (int i = next++; i < n; i = next++) f(i);
        });
    for (auto& w : workers) w.join();
}

// The focus's own count of conferences (its Colibri stats IQ); -1 when it does not answer.
int focusConferences(test::TestEndpoint& via, const test::ProsodyFixture& prosody) {
    try {
        auto iq = protocol::Iq::request(protocol::IqType::Get, *util::Jid::parse(prosody.focusComponent()),
                                        xml::Element("stats", protocol::ns::kColibri));
        auto reply = via.request(iq);
        if (const auto* stats = reply.child("stats", protocol::ns::kColibri))
            for (const auto* s : stats->childrenNamed("stat"))
                if (s->attr("name") == "conferences") return std::stoi(s->attr("value"));
    } catch (const std::exception&) {
    }
    return -1;
}

// Channels on the bridge simulator; -1 when it does not answer.
long bridgeChannels(test::BridgeSimProcess& bridge, test::TestEndpoint& via) {
    try {
        return static_cast<long>(bridge.listing(via).channelCount());
    } catch (const std::exception&) {
        return -1;
    }
}

// Polls until the focus has no conference and the bridges no channel (or timeoutMs); fills the counts.
bool waitEmpty(const test::ProsodyFixture& prosody, std::vector<test::BridgeSimProcess*> bridges,
               int timeoutMs, int& conferences, long& channels) {
    auto checker = test::TestClient::anonymous(prosody);
    auto end = Clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        conferences = focusConferences(*checker, prosody);
        channels = 0;
        for (auto* b : bridges) channels += std::max(0L, bridgeChannels(*b, *checker));
        if ((conferences == 0 && channels == 0) || Clock::now() > end) break;
        std::this_thread::sleep_for(200ms);
    }
    checker->disconnect();
    return conferences == 0 && channels == 0;
}

std::string fmt(double v, int digits = 1) {
    return Table::fmt(v, digits);
}

// The room set-up shared by the parts: rooms [0, n) ramped at rampPerS participants/s, W at a time.
struct Ramp {
    std::vector<std::unique_ptr<LoadRoom>> rooms;
    LoadFigures figures;
    std::atomic<int> failed{0};
    std::vector<std::string> errors;
    std::mutex mutex;
    double wallMs = 0;

    void fail(const std::string& e) {
        std::lock_guard<std::mutex> lock(mutex);
        ++failed;
        if (errors.size() < 4) errors.push_back(e);
    }
    void printErrors(std::ostream& out) {
        for (const auto& e : errors) out << "  room failed: " << e.substr(0, 600) << "\n";
    }
};

void rampUp(const test::ProsodyFixture& prosody, Ramp& ramp, const std::string& prefix, int n, int perRoom,
            int rampPerS, int workers) {
    ramp.rooms.resize(static_cast<std::size_t>(n));
    auto t0 = Clock::now();
    parallel(n, workers, [&](int k) {
        if (rampPerS > 0)
            std::this_thread::sleep_until(
                t0 + std::chrono::microseconds(static_cast<long>(1e6 * k * perRoom / rampPerS)));
        auto room =
            std::make_unique<LoadRoom>(prosody, prefix + "-" + std::to_string(k) + "@" + prosody.mucDomain(),
                                       perRoom, 0x10000000u + static_cast<uint32_t>(k) * 64u);
        std::string error = room->connect(120000, ramp.figures);
        if (error.empty()) error = room->join(60000, ramp.figures);
        if (error.empty()) error = room->waitSettled(30000);
        if (!error.empty()) ramp.fail(error);
        ramp.rooms[static_cast<std::size_t>(k)] = std::move(room);
    });
    ramp.wallMs = msBetween(t0, Clock::now());
}

void tearDown(std::vector<std::unique_ptr<LoadRoom>>& rooms) {
    parallel(static_cast<int>(rooms.size()), 16, [&](int k) {
        if (rooms[static_cast<std::size_t>(k)]) rooms[static_cast<std::size_t>(k)]->leave();
    });
    parallel(static_cast<int>(rooms.size()), 16, [&](int k) { rooms[static_cast<std::size_t>(k)].reset(); });
    rooms.clear();
}

}  // namespace

LoadBench::LoadBench(test::ProsodyFixture& prosody, Options options) : prosody_(prosody), options_(options) {}

std::vector<std::string> LoadBench::focusArgs(int defaultHealthCheckMs) const {
    int ms = options_.healthCheckMs > 0 ? options_.healthCheckMs : defaultHealthCheckMs;
    if (ms <= 0) return {};
    return {"-Dorg.jitsi.jicofo.BRIDGE_HEALTH_CHECK_INTERVAL=" + std::to_string(ms)};
}

Table LoadBench::scale() {
    const int R = options_.rooms, P = options_.perRoom, N = R * P;
    Table table("Issue 10 - scale: " + std::to_string(R) + " rooms x " + std::to_string(P) + " = " +
                std::to_string(N) + " participants, ramped at " + std::to_string(options_.rampPerS) + "/s, " +
                std::to_string(options_.workers) + " rooms set up at a time");
    test::BridgeSimProcess bridge(prosody_);
    if (!bridge.waitReady()) {
        std::cerr << "bridge simulator did not come up:\n" << bridge.log() << "\n";
        return table;
    }
    test::FocusProcess focus(prosody_, focusArgs());
    if (!focus.waitReady() || !focus.process().waitForLog("is online", 10000)) {
        std::cerr << "focus did not come up:\n" << focus.log() << "\n";
        return table;
    }
    std::this_thread::sleep_for(1s);
    pid_t focusPid = focus.process().pid(), bridgePid = bridge.process().pid();
    long idleRss = procRssKb(focusPid);
    long f0 = procCpuMs(focusPid), p0 = procCpuMs(prosody_.pid()), b0 = procCpuMs(bridgePid),
         s0 = procCpuMs(getpid());
    std::string load0 = loadAverage();
    CpuSampler sampler({[&] { return prosody_.pid(); }, [&] { return focusPid; }, [] { return getpid(); }});
    Ramp ramp;
    rampUp(prosody_, ramp, "scale" + util::randomHex(3), R, P, options_.rampPerS, options_.workers);
    sampler.stop();
    long focusCpu = procCpuMs(focusPid) - f0, prosodyCpu = procCpuMs(prosody_.pid()) - p0,
         bridgeCpu = procCpuMs(bridgePid) - b0, benchCpu = procCpuMs(getpid()) - s0;
    std::string load1 = loadAverage();
    std::this_thread::sleep_for(1s);
    long rss = procRssKb(focusPid);
    for (const auto& r : ramp.rooms)
        if (r) r->collect(ramp.figures);
    ramp.printErrors(std::cerr);

    table.info("rooms settled (everyone knows everyone's sources)", std::to_string(R - ramp.failed.load()) +
                                                                        " of " + std::to_string(R) + " in " +
                                                                        fmt(ramp.wallMs / 1000, 1) + " s");
    table.info("set-up retries: client log-ins / conference IQs",
               std::to_string(ramp.figures.loginRetries.load()) + " / " +
                   std::to_string(ramp.figures.conferenceRetries.load()));
    table.info("join -> session-initiate, p50 (participants 2..P, " +
                   std::to_string(ramp.figures.joinToInitiate.count()) + " samples)",
               ramp.figures.joinToInitiate.p50(), "ms");
    table.limit("join -> session-initiate, p99", ramp.figures.joinToInitiate.p99(), "ms", 50);
    table.info("session-accept -> source-add, p50 / p99 (" +
                   std::to_string(ramp.figures.acceptToSourceAdd.count()) + " samples)",
               fmt(ramp.figures.acceptToSourceAdd.p50(), 2) + " / " +
                   fmt(ramp.figures.acceptToSourceAdd.p99(), 2) + " ms");
    table.info("sources announced twice", std::to_string(ramp.figures.duplicates.load()));
    table.info("focus RSS idle / with everyone in",
               fmt(idleRss / 1024.0, 2) + " MB / " + fmt(rss / 1024.0, 2) + " MB");
    table.limit("focus RSS per participant", static_cast<double>(rss - idleRss) / N, "KB", 50);
    table.info("CPU over the ramp: focus / Prosody / bridgesim / this bench",
               std::to_string(focusCpu) + " / " + std::to_string(prosodyCpu) + " / " +
                   std::to_string(bridgeCpu) + " / " + std::to_string(benchCpu) + " ms");
    table.limit("focus CPU as a share of Prosody's",
                prosodyCpu > 0 ? 100.0 * static_cast<double>(focusCpu) / static_cast<double>(prosodyCpu)
                               : std::nan(""),
                "%", 10);
    double prosodyMean = 100.0 * static_cast<double>(prosodyCpu) / ramp.wallMs;
    table.info("Prosody: mean / busiest second, % of one core",
               fmt(prosodyMean, 0) + " / " + fmt(sampler.peak(0), 0) + " %");
    table.info("focus: busiest second, % of one core", fmt(sampler.peak(1), 0) + " %");
    table.info(
        "this bench (2015 clients): mean / busiest second",
        fmt(100.0 * static_cast<double>(benchCpu) / ramp.wallMs, 0) + " / " + fmt(sampler.peak(2), 0) + " %");
    std::string wall;
    if (sampler.peak(0) >= 90)
        wall =
            "Prosody (one Lua thread) at " + fmt(sampler.peak(0), 0) + " % of a core in its busiest second";
    else
        wall = "no process at a core; the 2 shared cores (load " + load1 + ")";
    table.info("the wall", wall);
    table.info("load average before / after the ramp", load0 + " / " + load1);
    table.info("focus bridge health check",
               focusArgs().empty() ? "its default (every 10 s, 5 s timeout)" : focusArgs()[0].substr(2));

    tearDown(ramp.rooms);
    int conferences = -1;
    long channels = -1;
    waitEmpty(prosody_, {&bridge}, 30000, conferences, channels);
    table.info("after everyone left (30 s at most): focus conferences / bridge channels",
               std::to_string(conferences) + " / " + std::to_string(channels));
    return table;
}

Table LoadBench::restarts() {
    const int R = options_.rooms, P = options_.perRoom, K = options_.restarts;
    Table table("Issue 10 - Prosody restarted " + std::to_string(K) + " times under " + std::to_string(R) +
                " rooms x " + std::to_string(P) + " participants");
    test::BridgeSimProcess bridge(prosody_);
    if (!bridge.waitReady()) {
        std::cerr << "bridge simulator did not come up:\n" << bridge.log() << "\n";
        return table;
    }
    test::FocusProcess focus(prosody_, focusArgs());
    if (!focus.waitReady() || !focus.process().waitForLog("is online", 10000)) {
        std::cerr << "focus did not come up:\n" << focus.log() << "\n";
        return table;
    }
    std::this_thread::sleep_for(1s);
    pid_t focusPid = focus.process().pid();
    long idleRss = procRssKb(focusPid);
    std::string prefix = "restart" + util::randomHex(3);
    Ramp first;
    rampUp(prosody_, first, prefix, R, P, options_.rampPerS, options_.workers);
    first.printErrors(std::cerr);
    table.info("rooms settled before the first restart",
               std::to_string(R - first.failed.load()) + " of " + std::to_string(R));
    std::this_thread::sleep_for(500ms);
    long loadedRss = procRssKb(focusPid);
    std::vector<std::unique_ptr<LoadRoom>> rooms = std::move(first.rooms);
    Samples upToServed;
    int incomplete = 0, retriesLogin = 0, retriesConference = 0;
    for (int k = 1; k <= K; ++k) {
        prosody_.stop();
        // The clients' streams are gone with it; as a real client they come back as new connections.
        tearDown(rooms);
        prosody_.start();
        auto up = Clock::now();
        Ramp again;
        rampUp(prosody_, again, prefix, R, P, 0, options_.workers);
        double ms = msBetween(up, Clock::now());
        upToServed.add(ms);
        retriesLogin += again.figures.loginRetries;
        retriesConference += again.figures.conferenceRetries;
        if (again.failed > 0) ++incomplete;
        std::cout << "  restart " << k << ": " << (R - again.failed.load()) << " of " << R
                  << " rooms served again (everyone re-offered, sources known) " << fmt(ms, 0)
                  << " ms after Prosody was up; focus RSS " << fmt(procRssKb(focusPid) / 1024.0, 2)
                  << " MB; load " << loadAverage() << "\n";
        std::cout.flush();
        again.printErrors(std::cerr);
        rooms = std::move(again.rooms);
    }
    table.info("restarts with every room served again",
               std::to_string(K - incomplete) + " of " + std::to_string(K));
    table.info("Prosody up -> every participant re-offered and settled, p50 / max",
               fmt(upToServed.p50(), 0) + " / " + fmt(upToServed.max(), 0) + " ms");
    table.info("set-up retries over all restarts: log-ins / conference IQs",
               std::to_string(retriesLogin) + " / " + std::to_string(retriesConference));
    tearDown(rooms);
    int conferences = -1;
    long channels = -1;
    waitEmpty(prosody_, {&bridge}, 30000, conferences, channels);
    std::this_thread::sleep_for(1s);
    long endRss = procRssKb(focusPid);
    table.info("after everyone left (30 s at most): focus conferences / bridge channels",
               std::to_string(conferences) + " / " + std::to_string(channels));
    table.info("focus RSS idle / loaded before the restarts / at the end, everyone gone",
               fmt(idleRss / 1024.0, 2) + " / " + fmt(loadedRss / 1024.0, 2) + " / " +
                   fmt(endRss / 1024.0, 2) + " MB");
    table.info("load average at the end", loadAverage());
    return table;
}

Table LoadBench::bridgeKill() {
    const int R = options_.rooms, P = options_.perRoom;
    Table table("Issue 10 - a bridge killed under " + std::to_string(R) + " rooms x " + std::to_string(P) +
                " participants (two bridge simulators, health check every " +
                (focusArgs(1000).empty() ? std::string("?") : focusArgs(1000)[0].substr(48)) + " ms)");
    test::BridgeSimProcess first(prosody_);
    test::BridgeSimProcess::Options o;
    o.subdomain = "jvb2";
    test::BridgeSimProcess second(prosody_, o);
    if (!first.waitReady() || !second.waitReady()) {
        std::cerr << "bridge simulators did not come up:\n" << first.log() << second.log() << "\n";
        return table;
    }
    test::FocusProcess focus(prosody_, focusArgs(1000));
    if (!focus.waitReady() || !focus.process().waitForLog("is online", 10000)) {
        std::cerr << "focus did not come up:\n" << focus.log() << "\n";
        return table;
    }
    std::this_thread::sleep_for(1500ms);
    Ramp ramp;
    rampUp(prosody_, ramp, "kill" + util::randomHex(3), R, P, options_.rampPerS, options_.workers);
    ramp.printErrors(std::cerr);
    auto checker = test::TestClient::anonymous(prosody_);
    bridgesim::LiveListing onFirst = first.listing(*checker), onSecond = second.listing(*checker);
    // The participants whose channels are on the first simulator (by their SSRCs), which is killed.
    std::vector<MediaParticipant*> moved, stayed;
    for (const auto& room : ramp.rooms)
        for (MediaParticipant* p : room->participants()) {
            bool there = false;
            for (const auto& c : onFirst.conferences)
                for (const auto& ch : c.channels)
                    for (uint32_t s : ch.ssrcs) there = there || s == p->audioSsrc();
            (there ? moved : stayed).push_back(p);
        }
    table.info("rooms settled", std::to_string(R - ramp.failed.load()) + " of " + std::to_string(R));
    table.info("conferences on the killed / the other simulator",
               std::to_string(onFirst.conferences.size()) + " / " +
                   std::to_string(onSecond.conferences.size()) + " (" + std::to_string(moved.size()) +
                   " participants on the killed one)");
    std::string load0 = loadAverage();
    auto killed = Clock::now();
    first.kill();
    Samples reoffered;
    int missing = 0;
    for (MediaParticipant* p : moved) {
        auto left = 120000 - static_cast<long>(msBetween(killed, Clock::now()));
        if (!p->waitReoffers(1, util::Duration(std::max(1L, left)))) {
            ++missing;
            continue;
        }
        reoffered.add(msBetween(killed, *p->lastReoffer()));
    }
    int wrongly = 0;
    for (MediaParticipant* p : stayed) wrongly += p->reoffers() > 0;
    table.info("participants of the killed bridge re-offered (within 120 s)",
               std::to_string(moved.size() - static_cast<std::size_t>(missing)) + " of " +
                   std::to_string(moved.size()));
    table.info("kill -> re-offer, p50 / max (all re-offered)",
               fmt(reoffered.p50(), 0) + " / " + fmt(reoffered.max(), 0) + " ms");
    table.info("participants of the other bridge re-offered (should be 0)", std::to_string(wrongly));
    // Each re-offered participant accepts again; the survivor must end up with everyone's channels.
    std::this_thread::sleep_for(3s);
    table.info("channels on the surviving simulator after the move",
               std::to_string(bridgeChannels(second, *checker)));
    table.info("load average at the kill / after", load0 + " / " + loadAverage());
    checker->disconnect();
    tearDown(ramp.rooms);
    int conferences = -1;
    long channels = -1;
    waitEmpty(prosody_, {&second}, 30000, conferences, channels);
    table.info("after everyone left: focus conferences / channels on the survivor",
               std::to_string(conferences) + " / " + std::to_string(channels));
    return table;
}

Table LoadBench::soak() {
    const int seconds = options_.minutes * 60;
    const int warmup = std::min(300, std::max(30, seconds / 10));
    Table table("Issue 10 - soak: " + std::to_string(options_.minutes) + " min of churn, rooms of 2-8, " +
                std::to_string(options_.soakWorkers) + " rooms in flight; RSS measured with no room open");
    test::BridgeSimProcess bridge(prosody_);
    if (!bridge.waitReady()) {
        std::cerr << "bridge simulator did not come up:\n" << bridge.log() << "\n";
        return table;
    }
    test::FocusProcess focus(prosody_, focusArgs());
    if (!focus.waitReady() || !focus.process().waitForLog("is online", 10000)) {
        std::cerr << "focus did not come up:\n" << focus.log() << "\n";
        return table;
    }
    std::this_thread::sleep_for(1s);
    pid_t focusPid = focus.process().pid();
    long startRss = procRssKb(focusPid);
    std::string prefix = "soak" + util::randomHex(3);
    std::atomic<int> counter{0}, done{0}, failed{0}, participants{0};
    std::atomic<bool> paused{false}, over{false};
    std::atomic<int> busy{0};
    LoadFigures figures;
    std::mutex errorMutex;
    int errorsShown = 0;
    auto worker = [&](int w) {
        std::mt19937 rng(static_cast<unsigned>(w * 7919 + 1));
        while (!over) {
            if (paused) {
                std::this_thread::sleep_for(50ms);
                continue;
            }
            ++busy;
            if (paused || over) {
                --busy;
                continue;
            }
            int k = counter++;
            int size = 2 + static_cast<int>(rng() % 7);
            {
                LoadRoom room(prosody_, prefix + "-" + std::to_string(k) + "@" + prosody_.mucDomain(), size,
                              0x20000000u + static_cast<uint32_t>(k % 1000000) * 64u);
                std::string error = room.connect(60000, figures);
                if (error.empty()) error = room.join(60000, figures);
                if (error.empty()) error = room.waitSettled(30000);
                if (error.empty()) {
                    room.collect(figures);
                    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 2000));
                    ++done;
                    participants += size;
                } else {
                    ++failed;
                    std::lock_guard<std::mutex> lock(errorMutex);
                    if (errorsShown++ < 5) std::cerr << "soak room failed: " << error.substr(0, 600) << "\n";
                }
            }  // leaves and disconnects
            --busy;
        }
    };
    std::vector<std::thread> workers;
    for (int w = 0; w < options_.soakWorkers; ++w) workers.emplace_back(worker, w);
    auto checker = test::TestClient::anonymous(prosody_);
    // Stops the churn, waits for every room to be closed on the focus and the bridge, and reads the RSS.
    auto quiet = [&](int& conferences, long& channels) {
        paused = true;
        while (busy > 0) std::this_thread::sleep_for(50ms);
        auto end = Clock::now() + 30s;
        do {
            std::this_thread::sleep_for(200ms);
            conferences = focusConferences(*checker, prosody_);
            channels = bridgeChannels(bridge, *checker);
        } while ((conferences != 0 || channels != 0) && Clock::now() < end);
        std::this_thread::sleep_for(500ms);
        return procRssKb(focusPid);
    };
    auto t0 = Clock::now();
    auto elapsed = [&] { return static_cast<int>(msBetween(t0, Clock::now()) / 1000); };
    auto progress = [&](const char* what) {
        std::cout << "  " << std::setw(5) << elapsed() << " s " << what << ": rooms done " << done << " ("
                  << participants << " participants), failed " << failed << ", focus RSS "
                  << fmt(procRssKb(focusPid) / 1024.0, 2) << " MB, load " << loadAverage() << "\n";
        std::cout.flush();
    };
    for (int report = 60; elapsed() < warmup;) {
        std::this_thread::sleep_for(1s);
        if (elapsed() >= report) {
            progress("warming up");
            report += 60;
        }
    }
    int c = -1;
    long ch = -1;
    long warmRss = quiet(c, ch);
    std::cout << "  " << elapsed() << " s after warm-up, no room open (conferences " << c << ", channels "
              << ch << "): focus RSS " << warmRss << " kB\n";
    std::cout.flush();
    paused = false;
    int nextReport = elapsed() + 60;
    while (elapsed() < seconds) {
        std::this_thread::sleep_for(1s);
        if (elapsed() >= nextReport) {
            progress("churn");
            nextReport += 60;
        }
    }
    int conferences = -1;
    long channels = -1;
    long endRss = quiet(conferences, channels);
    over = true;
    for (auto& w : workers) w.join();
    std::cout << "  " << elapsed() << " s at the end, no room open: focus RSS " << endRss << " kB\n";
    table.info("rooms churned (joined, negotiated, left) / failed",
               std::to_string(done.load()) + " (" + std::to_string(participants.load()) +
                   " participants) / " + std::to_string(failed.load()));
    table.info("join -> session-initiate p50 / p99",
               fmt(figures.joinToInitiate.p50(), 2) + " / " + fmt(figures.joinToInitiate.p99(), 2) + " ms");
    table.info(
        "focus RSS at start / after " + std::to_string(warmup) + " s warm-up / at the end",
        std::to_string(startRss) + " / " + std::to_string(warmRss) + " / " + std::to_string(endRss) + " kB");
    table.limit("RSS growth after warm-up", static_cast<double>(endRss - warmRss) / 1024.0, "MB", 1);
    table.info("at the end: focus conferences / bridge channels",
               std::to_string(conferences) + " / " + std::to_string(channels));
    table.info("set-up retries: log-ins / conference IQs",
               std::to_string(figures.loginRetries.load()) + " / " +
                   std::to_string(figures.conferenceRetries.load()));
    table.info("load average at the end", loadAverage());
    checker->disconnect();
    return table;
}

}  // namespace jicofo::bench
