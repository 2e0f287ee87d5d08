#include "bench/FocusBench.h"

#include <iostream>
#include <thread>

#include "bench/ProcStat.h"
#include "bench/RoomRequester.h"
#include "bench/Samples.h"
#include "protocol/focus/ConferenceIq.h"
#include "support/TestClient.h"
#include "util/Ids.h"

namespace jicofo::bench {

using namespace std::chrono_literals;

FocusBench::FocusBench(test::ProsodyFixture& prosody, Options options)
    : prosody_(prosody), options_(options) {}

std::unique_ptr<test::FocusProcess> FocusBench::startTimed(Samples& total, Samples& component,
                                                           Samples& user) {
    auto t0 = Clock::now();
    // No per-requester cap: the bench's few clients create all the rooms (the default cap is 50 each).
    auto focus = std::make_unique<test::FocusProcess>(
        prosody_, std::vector<std::string>{"-Dorg.jitsi.jicofo.MAX_CONFERENCES_PER_JID=0"});
    std::optional<Clock::time_point> componentAt, userAt;
    // The two log lines of StanzaDispatch, polled every millisecond (the log is a few hundred bytes now).
    while (!(componentAt && userAt)) {
        std::string log = focus->log();
        auto now = Clock::now();
        if (!componentAt && log.find("is connected") != std::string::npos) componentAt = now;
        if (!userAt && log.find("focus user logged in") != std::string::npos) userAt = now;
        if (now - t0 > 10s || !focus->process().running()) {
            std::cerr << "focus did not come up:\n" << focus->log() << "\n";
            return nullptr;
        }
        std::this_thread::sleep_for(1ms);
    }
    component.add(msBetween(t0, *componentAt));
    user.add(msBetween(t0, *userAt));
    total.add(msBetween(t0, std::max(*componentAt, *userAt)));
    return focus;
}

Table FocusBench::run() {
    Table table("Issue 3 - focus, against the real Prosody");
    Samples total, component, user, firstIq;
    std::unique_ptr<test::FocusProcess> focus;
    auto client = test::TestClient::anonymous(prosody_);
    util::Jid focusJid = *util::Jid::parse(prosody_.focusComponent());
    long idleRssKb = -1, idleAnonKb = -1, idleFileKb = -1, idleUssKb = -1, threads = -1;
    for (int i = 0; i < options_.startups; ++i) {
        focus.reset();  // the previous one leaves (SIGTERM) before the next logs in
        focus = startTimed(total, component, user);
        if (!focus) break;
        if (i + 1 == options_.startups) {
            // Idle: logged in, nothing asked yet; give allocator and timers a moment to settle.
            std::this_thread::sleep_for(1000ms);
            pid_t pid = focus->process().pid();
            idleRssKb = procRssKb(pid);
            idleAnonKb = procStatusKb(pid, "RssAnon");
            idleFileKb = procStatusKb(pid, "RssFile");
            idleUssKb = procUssKb(pid);
            threads = procStatusKb(pid, "Threads");
        }
        // The first request of a fresh focus (room created, joined, configured) on a warm Prosody.
        protocol::ConferenceIq c;
        c.room = "warmup-" + util::randomHex(4) + "@" + prosody_.mucDomain();
        auto t0 = Clock::now();
        auto reply = client->request(protocol::Iq::request(protocol::IqType::Set, focusJid, c.toElement()),
                                     util::Duration(5000));
        if (reply.attr("type") == "result") firstIq.add(msBetween(t0, Clock::now()));
    }
    table.limit("start-up to both streams ready, p50 (" + std::to_string(total.count()) + " starts)",
                total.p50(), "ms", 20);
    table.limit("start-up to both streams ready, max", total.max(), "ms", 20);
    table.info("  of which: component handshake done, p50", component.p50(), "ms");
    table.info("  of which: focus user logged in, p50", user.p50(), "ms");
    table.info("first conference IQ -> reply of a fresh focus, p50", firstIq.p50(), "ms");
    table.limit("RSS idle", static_cast<double>(idleRssKb) / 1024.0, "MB", 10);
    table.info("  of which anonymous / file-backed (shared libraries)",
               Table::fmt(idleAnonKb / 1024.0, 2) + " / " + Table::fmt(idleFileKb / 1024.0, 2) + " MB, " +
                   std::to_string(threads) + " threads");
    table.info("  unique to the process (USS)", idleUssKb / 1024.0, "MB");
    if (focus) roomsPhase(*focus, idleRssKb, table);
    return table;
}

std::unique_ptr<RoomRequester::Run> FocusBench::createRooms(int rooms, int inFlight, int clients,
                                                            double* wallMs) {
    auto run = std::make_unique<RoomRequester::Run>();
    run->rooms = rooms;
    run->roomPrefix = "bench" + util::randomHex(3);
    run->mucDomain = prosody_.mucDomain();
    run->focus = *util::Jid::parse(prosody_.focusComponent());
    clients = std::max(1, std::min(clients, inFlight));
    std::vector<RoomRequester*> mine;
    for (int i = 0; i < clients; ++i) {
        clients_.push_back(std::make_unique<RoomRequester>(test::TestClient::anonymous(prosody_), *run));
        mine.push_back(clients_.back().get());
    }
    auto t0 = Clock::now();
    for (int i = 0; i < clients; ++i) mine[i]->start(inFlight / clients + (i < inFlight % clients ? 1 : 0));
    std::unique_lock<std::mutex> lock(run->mutex);
    run->done.wait_for(lock, 60s, [&] {
        return run->replies.load() >= run->rooms && run->focusSeen.load() + run->errors.load() >= run->rooms;
    });
    *wallMs = msBetween(t0, Clock::now());
    for (const auto& e : run->firstErrors) std::cerr << "error reply: " << e << "\n";
    return run;
}

void FocusBench::roomsPhase(test::FocusProcess& focus, long idleRssKb, Table& table) {
    pid_t pid = focus.process().pid();
    long cpu0 = procCpuMs(pid), prosodyCpu0 = procCpuMs(prosody_.pid());
    double wall = 0;
    auto run = createRooms(options_.rooms, options_.inFlight, options_.clients, &wall);
    long cpu = procCpuMs(pid) - cpu0, prosodyCpu = procCpuMs(prosody_.pid()) - prosodyCpu0;
    std::this_thread::sleep_for(500ms);  // owner grants and presence updates of the last rooms
    long rssKb = procRssKb(pid);

    std::string what = std::to_string(run->rooms) + " rooms, " + std::to_string(options_.inFlight) +
                       " in flight on " + std::to_string(std::min(options_.clients, options_.inFlight)) +
                       " clients";
    table.info("rooms created (" + what + ")", std::to_string(run->replies.load() - run->errors.load()) +
                                                   " ok, " + std::to_string(run->errors.load()) +
                                                   " errors, " + Table::fmt(wall, 0) + " ms wall");
    table.limit("conference IQ -> reply, p50", run->iqToReply.p50(), "ms", 5);
    table.limit("conference IQ -> reply, p99", run->iqToReply.p99(), "ms", 20);
    table.info("conference IQ -> focus presence at a joining participant, p50 / p99",
               Table::fmt(run->iqToFocusPresence.p50(), 2) + " / " +
                   Table::fmt(run->iqToFocusPresence.p99(), 2) + " ms");
    table.info("CPU per room: focus / Prosody",
               Table::fmt(static_cast<double>(cpu) / run->rooms, 2) + " / " +
                   Table::fmt(static_cast<double>(prosodyCpu) / run->rooms, 2) + " ms");
    table.info("Prosody busy during the rooms phase (its CPU / wall time)",
               Table::fmt(100.0 * static_cast<double>(prosodyCpu) / wall, 0) + " % of one core");
    table.info("RSS with " + std::to_string(run->rooms) + " rooms", static_cast<double>(rssKb) / 1024.0,
               "MB");
    table.limit("RSS per room above idle", static_cast<double>(rssKb - idleRssKb) / run->rooms, "KB", 50);

    // The same request unloaded: one at a time, so the figure is the hops, not the queue.
    int serial = std::min(50, options_.rooms);
    auto one = createRooms(serial, 1, 1, &wall);
    table.info("conference IQ -> reply, 1 in flight (" + std::to_string(serial) + " rooms), p50 / p99",
               Table::fmt(one->iqToReply.p50(), 2) + " / " + Table::fmt(one->iqToReply.p99(), 2) + " ms");
    table.info("conference IQ -> focus presence, 1 in flight, p50 / p99",
               Table::fmt(one->iqToFocusPresence.p50(), 2) + " / " +
                   Table::fmt(one->iqToFocusPresence.p99(), 2) + " ms");
    for (auto& r : clients_) r->client().disconnect();
    clients_.clear();
}

}  // namespace jicofo::bench
