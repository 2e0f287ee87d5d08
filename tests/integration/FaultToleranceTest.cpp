// Faults of the XMPP server, end to end (issue 10 parts 1 and 2): the focus binary, the bridge simulator and
// participants as real XMPP clients through a real Prosody that the test freezes (SIGSTOP) or restarts.
#include <algorithm>
#include <cstdio>

#include "integration/OperationHarness.h"
#include "support/BridgeSimProcess.h"
#include "support/MediaClient.h"

using namespace jicofo;
using namespace jicofo::test;
using protocol::jingle::JingleAction;

namespace {

class FaultToleranceTest : public OperationTest {
  protected:
    void SetUp() override {
        bridge_ = std::make_unique<BridgeSimProcess>(prosody());
        ASSERT_TRUE(bridge_->waitReady()) << bridge_->log();
    }
    void TearDown() override {
        // A failed test must not leave Prosody or the bridge frozen or down for the next ones.
        prosody().resume();
        if (!prosody().running()) prosody().start();
        if (bridge_) bridge_->resume();
        clients_.clear();
        focus_.reset();
        bridge_.reset();
    }

    // A participant of `room` as nick, asking for the conference first as the client does (retrying while
    // the focus answers not-ready or not at all, as the client's back-off does).
    MediaClient& arrive(const std::string& room, const std::string& nick,
                        std::chrono::milliseconds patience = std::chrono::seconds(10)) {
        auto end = std::chrono::steady_clock::now() + patience;
        auto c = std::make_unique<MediaClient>(prosody());
        for (;;) {
            xml::Element reply;
            try {
                reply = c->requestConference(room, {{"openSctp", "true"}}, util::Duration(2000));
            } catch (const std::exception&) {
            }
            const auto* conf = reply.child("conference", protocol::ns::kFocus);
            if (reply.attr("type") == "result" && conf && conf->attr("ready") == "true") break;
            if (std::chrono::steady_clock::now() > end) {
                ADD_FAILURE() << "no conference for " << room << ": " << reply.toString();
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        EXPECT_TRUE(c->join(room, nick)) << nick << " could not join " << room;
        clients_.push_back(std::move(c));
        return *clients_.back();
    }
    // Everyone waits for the focus's offer and accepts it.
    void acceptOffers(util::Duration timeout = util::Duration(15000)) {
        uint32_t ssrc = 1000;
        for (auto& c : clients_) {
            auto offer = c->waitJingle(JingleAction::SessionInitiate, timeout);
            ASSERT_TRUE(offer) << c->occupantJid() << " got no offer\n" << focus().log();
            c->accept(*offer, ssrc, ssrc + 1);
            ssrc += 10;
        }
    }
    // rooms × perRoom participants with their sessions up.
    void seat(int rooms, int perRoom) {
        for (int r = 0; r < rooms; ++r)
            for (int p = 0; p < perRoom; ++p) arrive(roomName(r), "p" + std::to_string(p));
        acceptOffers();
    }
    std::string roomName(int r) { return room("r" + std::to_string(r)); }
    std::size_t logCount(const std::string& text) {
        std::string log = focus().log();
        std::size_t n = 0;
        for (auto at = log.find(text); at != std::string::npos; at = log.find(text, at + 1)) ++n;
        return n;
    }
    bool waitChannels(std::size_t count, int timeoutMs, bridgesim::LiveListing* last) {
        MeetClient observer(prosody());
        return bridge_->waitListing(
            observer.xmpp(), [count](const bridgesim::LiveListing& l) { return l.channelCount() == count; },
            timeoutMs, last);
    }

    std::unique_ptr<BridgeSimProcess> bridge_;
    std::vector<std::unique_ptr<MediaClient>> clients_;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

TEST_F(FaultToleranceTest, AFrozenProsodyNeverStallsTheFocusAndEveryConferenceIsServedAfter) {
    // Bridge health checks every 2 s: the frozen server makes the bridge look dead too, and the test wants
    // to see it back within its 10 s (with the default 10 s interval the re-offers can take that long).
    startFocusWithHttp({"-Dorg.jitsi.jicofo.BRIDGE_HEALTH_CHECK_INTERVAL=2000"});
    ASSERT_TRUE(waitOperationalBridge()) << focus().log();
    const int kRooms = 3;
    seat(kRooms, 2);

    // 30 s of a server that is connected but reads and answers nothing, /about/alive asked every 100 ms.
    prosody().pause();
    std::vector<double> latencies;
    int failed = 0;
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < end) {
        auto t0 = std::chrono::steady_clock::now();
        auto r = http("/about/alive");
        latencies.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (r.status != 200) ++failed;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    prosody().resume();
    auto resumed = std::chrono::steady_clock::now();
    std::printf("/about/alive during a 30 s freeze: %zu requests, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
                latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.95),
                *std::max_element(latencies.begin(), latencies.end()));
    EXPECT_EQ(failed, 0) << "the focus loop stopped answering\n" << focus().log();
    // A loop blocked on a socket answers after seconds (or 503 at 2 s). A single slow answer on a loaded
    // machine is scheduling noise, so the bound is on the 95th percentile, the maximum only has to be sane.
    EXPECT_LT(percentile(latencies, 0.95), 100.0);
    EXPECT_LT(*std::max_element(latencies.begin(), latencies.end()), 1000.0);

    // Within 10 s of SIGCONT: a new conference is answered, and every existing room serves a newcomer
    // (the participants from before stay: a room needs two for media).
    arrive(room("after"), "first", std::chrono::seconds(10));  // asserts the conference IQ is answered
    std::size_t firstLate = clients_.size();
    for (int r = 0; r < kRooms; ++r) arrive(roomName(r), "late");
    for (std::size_t i = firstLate; i < clients_.size(); ++i)
        EXPECT_TRUE(clients_[i]->waitJingle(JingleAction::SessionInitiate, util::Duration(10000)))
            << clients_[i]->occupantJid() << " not served after the freeze\n"
            << focus().log();
    auto took = std::chrono::steady_clock::now() - resumed;
    std::printf("every conference served again %lld ms after SIGCONT\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
    EXPECT_LE(took, std::chrono::seconds(10)) << focus().log();
}

TEST_F(FaultToleranceTest, ProsodyRestartedWhileConferencesRunLeavesNoChannelOnTheBridge) {
    // Rediscovery every 2 s: a bridge that comes back after the focus is found quickly (default 30 s).
    startFocusWithHttp({"-Dorg.jitsi.jicofo.SERVICE_REDISCOVERY_INTERVAL=2000"});
    ASSERT_TRUE(waitOperationalBridge()) << focus().log();
    const int kRooms = 3, kPerRoom = 3;
    const std::size_t kChannels = kRooms * kPerRoom * 3;  // audio, video, data each
    seat(kRooms, kPerRoom);
    bridgesim::LiveListing last;
    ASSERT_TRUE(waitChannels(kChannels, 5000, &last)) << last.channelCount();

    for (int round = 1; round <= 2; ++round) {
        // The unlucky order of a restart: the focus is back before the bridge. Its participants leave (the
        // server says so as it stops, or the rejoined room is empty) while its stream is down or the server
        // bounces whatever goes to the bridge: every expire is held back ("kept until it is back" /
        // "… reachable"), where the 2015 focus sent it once and lost it.
        std::size_t bounced = logCount("kept until it is");
        bridge_->pause();
        prosody().stop();
        clients_.clear();  // their streams died with the server
        prosody().start();
        auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (logCount("kept until it is") == bounced && std::chrono::steady_clock::now() < end)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        EXPECT_GT(logCount("kept until it is"), bounced)
            << "round " << round << ": no expiry held back, the test did not set up the race\n"
            << focus().log();
        bridge_->resume();
        // The participants come back as real clients would: new connections, same rooms and nicks.
        seat(kRooms, kPerRoom);
        EXPECT_TRUE(waitChannels(kChannels, 20000, &last)) << "round " << round << ": " << last.channelCount()
                                                           << " channels instead of " << kChannels << "\n"
                                                           << focus().log();
    }

    for (auto& c : clients_) c->leave();
    clients_.clear();
    EXPECT_TRUE(waitChannels(0, 20000, &last)) << last.channelCount() << " channel(s) left on the bridge\n"
                                               << focus().log();
}
