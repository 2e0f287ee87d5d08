// Real Jitsi Meet clients against this focus: lib-jitsi-meet builds of 2020 (lib-jitsi-meet-dist 2.1.5) and
// late 2021 (@lyno/lib-jitsi-meet 2.6726.2) in Debian's headless Chromium with a fake camera and microphone,
// logged in anonymously over BOSH to the test Prosody, p2p off, with the bridge simulator as videobridge.
// They run resources/demo (the page a person can watch, see README), which reports what its client sees.
//
// The simulator's transport is a loopback candidate nobody answers: ICE never connects, so no media flows.
// What is checked is everything before that: the browser applies the focus's offer (no SDP error), answers
// with its own SSRCs, the focus relays them to the bridge and to the others, and each client builds remote
// audio and video tracks for everyone else from the signalled sources; when someone leaves, those tracks go
// and the bridge's channels are expired.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "browser/BrowserHarness.h"
#include "integration/OperationHarness.h"
#include "support/BridgeSimProcess.h"
#include "support/FocusProcess.h"
#include "support/TestClient.h"

namespace jicofo::test {
namespace {

using Poco::JSON::Array;

class BrowserTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        h_ = new BrowserHarness();
        if (!h_->setupError().empty()) return;
        bridge_ = new BridgeSimProcess(h_->prosody());
        focus_ = new FocusProcess(h_->prosody());
        if (!bridge_->waitReady() || !focus_->waitReady())
            return h_->fail("bridge simulator or focus did not start:\n" + bridge_->log() + focus_->log());
        h_->startBrowser();
    }
    static void TearDownTestSuite() {
        delete focus_;
        delete bridge_;
        delete h_;
        focus_ = nullptr;
        bridge_ = nullptr;
        h_ = nullptr;
    }
    void SetUp() override {
        // With the installer run (README, .ci/run) everything is there; without it, say what is missing.
        ASSERT_EQ(h_->setupError(), "");
    }

    static std::string logs() {
        return "\n--- browser\n" + h_->browserLog() + "\n--- focus\n" + focus_->log() +
               "\n--- bridge simulator\n" + bridge_->log();
    }
    std::map<std::string, ClientView> join(const std::string& client, const std::string& room,
                                           const std::vector<std::string>& names) {
        return h_->join(client, room, names, logs);
    }
    void closeAll(const std::vector<std::string>& names) { h_->closeAll(names); }

    static inline BrowserHarness* h_ = nullptr;
    static inline BridgeSimProcess* bridge_ = nullptr;
    static inline FocusProcess* focus_ = nullptr;
};

class ClientBuildTest : public BrowserTest, public ::testing::WithParamInterface<std::string> {};

// True when every SSRC a tab put in its answer for media reached the bridge on that tab's channel.
bool bridgeHasSources(const bridgesim::LiveConference& conf, const ClientView& v, const std::string& media) {
    auto wanted = v.localSsrcs.find(media);
    if (wanted == v.localSsrcs.end() || wanted->second.empty()) return false;
    for (const auto* ch : conf.channelsOf(v.nick))
        if (ch->content == media) {
            std::set<uint32_t> got(ch->ssrcs.begin(), ch->ssrcs.end());
            return std::includes(got.begin(), got.end(), wanted->second.begin(), wanted->second.end());
        }
    return false;
}

TEST_P(ClientBuildTest, ThreeJoinSeeEachOthersTracksThenOneLeaves) {
    const std::string client = GetParam();
    const std::string room = "three-" + client;
    const std::vector<std::string> names = {"alice", "bob", "carol"};
    auto views = join(client, room, names);
    if (HasFailure()) return closeAll(names);

    for (const auto& n : names) {
        const ClientView& v = views[n];
        SCOPED_TRACE(n + " " + describe(v));
        expectAppliedOffer(v);
        ASSERT_TRUE(v.localSsrcs.count("audio") && v.localSsrcs.count("video")) << "no SSRC in the answer";
        // Remote tracks of both others, built from the sources the focus relayed: their browsers' own SSRCs.
        for (const auto& other : names) {
            if (other == n) continue;
            const ClientView& o = views[other];
            ASSERT_EQ(v.remoteTracks.count(o.nick), 1u) << "no tracks of " << other;
            for (const char* media : {"audio", "video"})
                EXPECT_EQ(o.localSsrcs.at(media).count(v.remoteTracks.at(o.nick).at(media)), 1u)
                    << n << " got " << other << "'s " << media << " with an SSRC " << other
                    << " did not send";
        }
    }
    auto via = TestClient::anonymous(h_->prosody());
    bridgesim::LiveListing listing;
    // session-accept reached the focus, which gave each browser's SSRCs to its channels on the bridge.
    EXPECT_TRUE(bridge_->waitListing(
        *via,
        [&](const auto& l) {
            const auto* conf = l.byName(room);  // the Colibri conference is named after the room
            if (!conf) return false;
            for (const auto& n : names)
                if (!bridgeHasSources(*conf, views[n], "audio") ||
                    !bridgeHasSources(*conf, views[n], "video"))
                    return false;
            return true;
        },
        10000, &listing))
        << listing.toElement().toString() << logs();
    if (client == "2021") {  // the README's picture
        h_->browser().eval("alice", "demo.render() || true");
        h_->browser().screenshot("alice", BrowserHarness::screenshotDir() + "/demo.png", 1200, 840);
    }

    // Carol hangs up: the others lose her tracks, and her channels on the bridge are expired.
    const std::string carol = views["carol"].nick;
    h_->browser().eval("carol", "demo.leave().then(() => true)");
    for (const auto& n : {"alice", "bob"}) {
        auto after = ClientView::of(h_->browser().waitFor(n, sawLeave(carol), 20000));
        EXPECT_TRUE(after.saw("user left " + carol)) << describe(after);
        EXPECT_EQ(after.remoteTracks.size(), 1u) << describe(after);
        EXPECT_TRUE(after.failures.empty()) << describe(after);
    }
    EXPECT_TRUE(bridge_->waitListing(
        *via,
        [&](const auto& l) {
            const auto* conf = l.byName(room);
            return conf && conf->channelsOf(carol).empty() &&
                   !conf->channelsOf(views["alice"].nick).empty() &&
                   !conf->channelsOf(views["bob"].nick).empty();
        },
        10000, &listing))
        << listing.toElement().toString() << logs();
    closeAll(names);
    // Nobody left: the focus ends the conference and expires the rest.
    EXPECT_TRUE(bridge_->waitListing(
        *via, [](const auto& l) { return l.channelCount() == 0; }, 20000, &listing))
        << listing.toElement().toString() << logs();
}

INSTANTIATE_TEST_SUITE_P(LibJitsiMeet, ClientBuildTest, ::testing::Values("2020", "2021"),
                         [](const auto& info) { return "Build" + info.param; });

// GET / on the focus's HTTP port, in a browser, while two real clients are in a conference.
TEST_F(BrowserTest, OperatorPageShowsTheRunningConference) {
    const std::vector<std::string> names = {"dave", "erin"};
    auto views = join("2021", "operator", names);
    if (HasFailure()) return closeAll(names);
    uint16_t port = waitHttpPort(*focus_);
    ASSERT_NE(port, 0) << focus_->log();
    h_->browser().open("op", "http://127.0.0.1:" + std::to_string(port) + "/");
    // One row per conference: room, participants, age, bridge.
    auto rows = h_->browser().eval("op",
                                   "[...document.querySelectorAll('#conferences tr')].slice(1)"
                                   ".map(r => [...r.cells].map(c => c.textContent))");
    auto table = rows.extract<Array::Ptr>();
    bool found = false;
    for (const auto& r : *table) {
        auto cells = r.extract<Array::Ptr>();
        if (cells->getElement<std::string>(0) != "operator@" + h_->prosody().mucDomain()) continue;
        found = true;
        EXPECT_EQ(cells->getElement<std::string>(1), "2");
        EXPECT_EQ(cells->getElement<std::string>(3), h_->prosody().bridgeComponent());
    }
    EXPECT_TRUE(found) << h_->browser().eval("op", "document.body.innerText").toString();
    auto bridges = h_->browser().eval("op", "document.querySelector('#bridges').innerText").toString();
    EXPECT_NE(bridges.find(h_->prosody().bridgeComponent()), std::string::npos) << bridges;
    EXPECT_NE(bridges.find("healthy"), std::string::npos) << bridges;
    EXPECT_NE(
        h_->browser().eval("op", "document.querySelector('meta[http-equiv=refresh]') !== null").toString(),
        "false");
    h_->browser().screenshot("op", BrowserHarness::screenshotDir() + "/operator.png", 1000, 560);
    h_->browser().close("op");
    closeAll(names);
}

}  // namespace
}  // namespace jicofo::test
