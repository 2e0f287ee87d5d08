#include "bench/MediaBench.h"

#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>

#include "bench/ClientPool.h"
#include "bench/ProcStat.h"
#include "support/BridgeSim2Process.h"
#include "support/BridgeSimProcess.h"
#include "support/FocusProcess.h"
#include "util/Ids.h"

namespace jicofo::bench {

using namespace std::chrono_literals;

MediaBench::MediaBench(test::ProsodyFixture& prosody, Options options)
    : prosody_(prosody), options_(options), roomPrefix_("media" + util::randomHex(3)) {}

std::string MediaBench::runConference(int k) {
    const int P = options_.participants;
    std::string room = roomPrefix_ + "-" + std::to_string(k) + "@" + prosody_.mucDomain();
    util::Jid focus = *util::Jid::parse(prosody_.focusComponent());
    std::vector<const MediaParticipant*> peers;
    for (int i = 0; i < P; ++i) {
        MediaParticipant& p = *participants_[static_cast<std::size_t>(k * P + i)];
        peers.push_back(&p);
        // As a 2015 client: conference IQ until ready, then the MUC.
        std::string error = p.requestConference(focus, room);
        if (!error.empty()) return room + " p" + std::to_string(i) + ": " + error;
        p.join(room, "p" + std::to_string(i));
        if (!p.waitJoined(util::Duration(5000))) return "no self presence: " + p.describe();
        // People join a call seconds apart: the next one comes once this one's media is up, so each join
        // and accept is measured on its own, not queued behind the conference's previous one.
        for (int j = i == 1 ? 0 : i; i >= 1 && j <= i; ++j) {
            auto& q = *participants_[static_cast<std::size_t>(k * P + j)];
            if (!q.waitActive(util::Duration(20000))) return "no session within 20 s: " + q.describe();
        }
    }
    if (P < 2) return {};
    for (const MediaParticipant* p : peers) {
        auto& me = *const_cast<MediaParticipant*>(p);
        if (!me.waitKnows(peers, util::Duration(20000))) {
            std::string out = "media did not settle in 20 s:";
            for (const MediaParticipant* q : peers) out += "\n  " + q->describe();
            return out;
        }
    }
    return {};
}

void MediaBench::collect(int k) {
    const int P = options_.participants;
    auto at = [&](int i) -> MediaParticipant& { return *participants_[static_cast<std::size_t>(k * P + i)]; };
    for (int i = 0; i < P; ++i) {
        duplicates_ += at(i).duplicates();
        for (const auto& problem : at(i).problems())
            if (problemsShown_++ < 6)
                std::cerr << "conference " << k << " " << at(i).nick() << ": " << problem << "\n";
        auto initiate = at(i).initiateAt();
        if (!initiate) continue;
        offerElements_.add(at(i).offerSize().first);
        offerBytes_.add(static_cast<double>(at(i).offerSize().second));
        // The first participant's media can only start once the second is in (docs/protocol.md §5.4).
        Clock::time_point join = i == 0 ? at(1).joinSent() : at(i).joinSent();
        (i == 0 ? firstJoinToInitiate_ : joinToInitiate_).add(msBetween(join, *initiate));
        if (auto disco = at(i).discoAt()) {
            joinToDisco_.add(msBetween(join, *disco));
            discoToInitiate_.add(msBetween(*disco, *initiate));
        }
        auto acked = at(i).acceptAcked();
        for (const auto& sa : at(i).sourceAdds()) {
            auto ownerAccept = sa.owner->acceptSent();
            if (!ownerAccept) continue;
            // Direct: this participant's session was already up when the owner accepted; otherwise the focus
            // held the sources back until this participant's own accept (docs/media.md §3.8).
            if (acked && *acked < *ownerAccept)
                acceptToSourceAdd_.add(msBetween(*ownerAccept, sa.at));
            else
                queuedSourceAdd_.add(msBetween(*ownerAccept, sa.at));
        }
    }
}

Table MediaBench::run() {
    const int P = options_.participants, N = options_.conferences * P;
    Table table(std::string(options_.colibri2 ? "Issue 13 - media over Colibri2, " : "Issue 4 - media, ") +
                std::to_string(options_.conferences) + " conferences x " + std::to_string(P) +
                " participants, bridge simulator as its own process" +
                (options_.caps ? "" : ", clients without XEP-0115 caps"));
    std::unique_ptr<test::BridgeSimProcess> bridge;
    std::unique_ptr<test::BridgeSim2Process> bridge2;
    std::vector<std::string> focusArgs;
    std::string bridgeSeen = "is online";
    if (options_.colibri2) {
        prosody_.registerUser("jvb", prosody_.authDomain(), "jvbpass");
        bridge2 = std::make_unique<test::BridgeSim2Process>(prosody_, test::BridgeSim2Process::Options{});
        if (!bridge2->waitJoined()) {
            std::cerr << "bridge simulator did not come up:\n" << bridge2->log() << "\n";
            return table;
        }
        focusArgs.push_back("-Dorg.jitsi.jicofo.BRIDGE_MUC=" + prosody_.breweryRoom());
        bridgeSeen = "brewery: bridge " + bridge2->occupantJid().str() + " joined";
    } else {
        bridge = std::make_unique<test::BridgeSimProcess>(prosody_);
        if (!bridge->waitReady()) {
            std::cerr << "bridge simulator did not come up:\n" << bridge->log() << "\n";
            return table;
        }
    }
    test::Subprocess& bridgeProcess = bridge ? bridge->process() : bridge2->process();
    test::FocusProcess focus(prosody_, focusArgs);
    if (!focus.waitReady() || !focus.process().waitForLog(bridgeSeen, 10000)) {
        std::cerr << "focus did not come up or found no bridge:\n" << focus.log() << "\n";
        return table;
    }
    std::this_thread::sleep_for(1000ms);
    pid_t focusPid = focus.process().pid();
    long idleRssKb = procRssKb(focusPid);

    auto c0 = Clock::now();
    auto clients = connectClients(prosody_, N, options_.connectThreads);
    double connectMs = msBetween(c0, Clock::now());
    if (static_cast<int>(clients.size()) < N) {
        std::cerr << "only " << clients.size() << " of " << N << " clients logged in\n";
        return table;
    }
    for (int i = 0; i < N; ++i) {
        uint32_t audio = 0x10000000u + 2u * static_cast<uint32_t>(i);
        participants_.push_back(std::make_unique<MediaParticipant>(
            std::move(clients[static_cast<std::size_t>(i)]), audio, audio + 1, owners_));
        participants_.back()->sendCaps(options_.caps);
        owners_[audio] = owners_[audio + 1] = participants_.back().get();
    }

    long focusCpu0 = procCpuMs(focusPid), prosodyCpu0 = procCpuMs(prosody_.pid()),
         bridgeCpu0 = procCpuMs(bridgeProcess.pid());
    auto t0 = Clock::now();
    std::atomic<int> next{0}, failed{0};
    std::mutex failMutex;
    std::vector<std::thread> workers;
    for (int w = 0; w < std::max(1, options_.inFlight); ++w)
        workers.emplace_back([&] {
            for (int k = next++; k < options_.conferences; k = next++) {
                std::string error = runConference(k);
                if (error.empty()) continue;
                std::lock_guard<std::mutex> lock(failMutex);
                if (failed++ < 3) std::cerr << "conference " << k << " failed: " << error << "\n";
            }
        });
    for (auto& w : workers) w.join();
    double wallMs = msBetween(t0, Clock::now());
    long focusCpu = procCpuMs(focusPid) - focusCpu0, prosodyCpu = procCpuMs(prosody_.pid()) - prosodyCpu0,
         bridgeCpu = procCpuMs(bridgeProcess.pid()) - bridgeCpu0;
    std::this_thread::sleep_for(500ms);
    long rssKb = procRssKb(focusPid);
    for (int k = 0; k < options_.conferences; ++k) collect(k);

    table.info("client connections set up before the timed part",
               std::to_string(N) + " in " + Table::fmt(connectMs, 0) + " ms");
    table.info("conferences settled (everyone knows everyone's sources)",
               std::to_string(options_.conferences - failed.load()) + " of " +
                   std::to_string(options_.conferences) + ", " + std::to_string(options_.inFlight) +
                   " in flight, " + Table::fmt(wallMs, 0) + " ms wall");
    table.limit("join -> session-initiate, p50 (participants 2..P, own join)", joinToInitiate_.p50(), "ms",
                5);
    table.limit("join -> session-initiate, p99", joinToInitiate_.p99(), "ms", 20);
    table.info("2nd join -> session-initiate of the 1st participant, p50 / p99",
               Table::fmt(firstJoinToInitiate_.p50(), 2) + " / " + Table::fmt(firstJoinToInitiate_.p99(), 2) +
                   " ms");
    table.info("participants the focus asked for disco#info (the rest: known XEP-0115 caps)",
               std::to_string(joinToDisco_.count()) + " of " +
                   std::to_string(joinToInitiate_.count() + firstJoinToInitiate_.count()));
    table.info("  join -> the focus's disco#info at the client, p50 / p99",
               Table::fmt(joinToDisco_.p50(), 2) + " / " + Table::fmt(joinToDisco_.p99(), 2) + " ms");
    table.info("  disco#info -> session-initiate (disco reply, Colibri allocate, offer), p50 / p99",
               Table::fmt(discoToInitiate_.p50(), 2) + " / " + Table::fmt(discoToInitiate_.p99(), 2) + " ms");
    table.info("  session-initiate size, p50", Table::fmt(offerElements_.p50(), 0) + " elements, " +
                                                   Table::fmt(offerBytes_.p50(), 0) + " bytes");
    table.limit("session-accept -> source-add at the others, p50 (" +
                    std::to_string(acceptToSourceAdd_.count()) + " samples)",
                acceptToSourceAdd_.p50(), "ms", 5);
    table.info("session-accept -> source-add at the others, p99", acceptToSourceAdd_.p99(), "ms");
    table.info("  sources held until the receiver's own accept (" + std::to_string(queuedSourceAdd_.count()) +
                   "), p50 / p99",
               Table::fmt(queuedSourceAdd_.p50(), 2) + " / " + Table::fmt(queuedSourceAdd_.p99(), 2) + " ms");
    table.info("sources announced twice to the same participant", std::to_string(duplicates_));
    table.info("focus RSS idle (bridge known) / with " + std::to_string(N) + " participants",
               Table::fmt(idleRssKb / 1024.0, 2) + " MB / " + Table::fmt(rssKb / 1024.0, 2) + " MB");
    table.limit("RSS per participant", static_cast<double>(rssKb - idleRssKb) / N, "KB", 50);
    table.info("CPU over the run: focus / Prosody / bridgesim", std::to_string(focusCpu) + " / " +
                                                                    std::to_string(prosodyCpu) + " / " +
                                                                    std::to_string(bridgeCpu) + " ms");
    table.info("Prosody busy during the run (its CPU / wall time)",
               Table::fmt(100.0 * static_cast<double>(prosodyCpu) / wallMs, 0) + " % of one core, " +
                   Table::fmt(static_cast<double>(prosodyCpu) / N, 2) + " ms per participant");
    table.limit("focus CPU as a share of Prosody's",
                prosodyCpu > 0 ? 100.0 * static_cast<double>(focusCpu) / static_cast<double>(prosodyCpu)
                               : std::nan(""),
                "%", 25);

    // Everyone leaves: the focus must terminate and expire everything.
    for (auto& p : participants_) p->leave();
    auto checker = test::TestClient::anonymous(prosody_);
    std::size_t left = 0;
    bool empty = false;
    try {
        if (bridge) {
            bridgesim::LiveListing last;
            empty = bridge->waitListing(
                *checker, [](const bridgesim::LiveListing& l) { return l.channelCount() == 0; }, 15000,
                &last);
            left = last.channelCount();
        } else {
            bridgesim2::Listing last;
            empty = bridge2->waitListing(
                *checker, [](const bridgesim2::Listing& l) { return l.endpointCount() == 0; }, 15000, &last);
            left = last.endpointCount();
        }
    } catch (const std::exception& e) {
        std::cerr << "bridge listing: " << e.what() << "\n";
    }
    table.info(bridge ? "bridge channels left 15 s after everyone left"
                      : "bridge endpoints left 15 s after everyone left",
               empty ? "0" : std::to_string(left));
    for (auto& p : participants_) p->client().disconnect();
    return table;
}

}  // namespace jicofo::bench
