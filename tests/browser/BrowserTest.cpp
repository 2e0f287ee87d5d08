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
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "browser/BrowserDriver.h"
#include "integration/OperationHarness.h"
#include "support/BridgeSimProcess.h"
#include "support/FocusProcess.h"
#include "support/ProsodyFixture.h"
#include "support/TestClient.h"

namespace jicofo::test {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// What one tab reports (demo.summary() in resources/demo/demo.js), reduced to what the tests check.
struct ClientView {
    std::string nick, jingleState, signaling, remoteDescription, localDescription;
    std::vector<std::string> failures, events;
    std::map<std::string, std::set<uint32_t>> localSsrcs;                 // media -> SSRCs
    std::map<std::string, std::map<std::string, uint32_t>> remoteTracks;  // owner -> type -> SSRC

    static ClientView of(const Poco::Dynamic::Var& value) {
        auto s = value.extract<Object::Ptr>();
        ClientView v;
        if (!s->isNull("nick")) v.nick = s->getValue<std::string>("nick");
        for (const auto& f : *s->getArray("failures")) v.failures.push_back(f.toString());
        for (const auto& e : *s->getArray("events")) v.events.push_back(e.toString());
        auto participants = s->getObject("participants");
        for (const auto& [id, p] : *participants)
            for (const auto& t : *p.extract<Object::Ptr>()->getArray("tracks")) {
                auto track = t.extract<Object::Ptr>();
                v.remoteTracks[id][track->getValue<std::string>("type")] =
                    track->isNull("ssrc") ? 0 : track->getValue<uint32_t>("ssrc");
            }
        if (s->isNull("jingle")) return v;
        auto j = s->getObject("jingle");
        auto text = [&j](const char* key) {
            return j->isNull(key) ? std::string() : j->getValue<std::string>(key);
        };
        v.jingleState = text("state");
        v.signaling = text("signalingState");
        v.remoteDescription = text("remoteDescription");
        v.localDescription = text("localDescription");
        for (const auto& x : *j->getArray("localSsrcs")) {
            auto o = x.extract<Object::Ptr>();
            v.localSsrcs[o->getValue<std::string>("media")].insert(o->getValue<uint32_t>("ssrc"));
        }
        return v;
    }

    bool saw(const std::string& event) const {
        return std::find(events.begin(), events.end(), event) != events.end();
    }
};

std::string describe(const ClientView& v) {
    std::string out = "nick=" + v.nick + " jingle=" + v.jingleState + " signaling=" + v.signaling + "\n";
    for (const auto& f : v.failures) out += "  failure: " + f + "\n";
    for (const auto& e : v.events) out += "  event: " + e + "\n";
    return out;
}

// A page is ready once it has joined, applied the offer, answered, and holds audio and video tracks of
// `others` participants; a failure of the client ends the wait at once (the test then shows it).
std::string readyWith(int others) {
    return "(() => { const s = demo.summary(); if (s.failures.length) return s;"
           " const ps = Object.values(s.participants);"
           " const j = s.jingle;"
           " return s.joined && j && j.localDescription && j.signalingState === 'stable' && ps.length === " +
           std::to_string(others) +
           " && ps.every(p => ['audio', 'video'].every(k => p.tracks.some(t => t.type === k))) ? s : false; "
           "})()";
}

class BrowserTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (auto missing = BrowserDriver::missingDependency(); !missing.empty()) {
            setupError_ = new std::string(missing);
            return;
        }
        prosody_ = new ProsodyFixture();
        std::string layout = std::string(JICOFO_SOURCE_DIR) + "/resources/demo/make-www.sh " +
                             prosody_->wwwDir() + " " + prosody_->domain();
        if (std::system(layout.c_str()) != 0) {
            setupError_ = new std::string("resources/demo/make-www.sh failed");
            return;
        }
        bridge_ = new BridgeSimProcess(*prosody_);
        focus_ = new FocusProcess(*prosody_);
        if (!bridge_->waitReady() || !focus_->waitReady()) {
            setupError_ = new std::string("bridge simulator or focus did not start:\n" + bridge_->log() +
                                          focus_->log());
            return;
        }
        browser_ = new BrowserDriver(prosody_->dir() + "/browser.log");
        std::filesystem::create_directories(screenshotDir());
    }
    static void TearDownTestSuite() {
        delete browser_;
        delete focus_;
        delete bridge_;
        delete prosody_;
        delete setupError_;
        browser_ = nullptr;
        focus_ = nullptr;
        bridge_ = nullptr;
        prosody_ = nullptr;
        setupError_ = nullptr;
    }
    void SetUp() override {
        // With the installer run (README, .ci/run) everything is there; without it, say what is missing.
        ASSERT_EQ(setupError_, nullptr) << *setupError_;
    }

    static std::string screenshotDir() { return JICOFO_BINARY_DIR "/browser-screenshots"; }
    static std::string pageUrl(const std::string& client, const std::string& room, const std::string& name) {
        return "http://127.0.0.1:" + std::to_string(prosody_->httpPort()) +
               "/files/index.html?client=" + client + "&room=" + room + "&name=" + name + "&autojoin=1";
    }
    std::string logs() const {
        return "\n--- browser\n" + browser_->log() + "\n--- focus\n" + focus_->log() +
               "\n--- bridge simulator\n" + bridge_->log();
    }

    // Opens one tab per name in room and waits until each sees all the others' audio and video.
    std::map<std::string, ClientView> join(const std::string& client, const std::string& room,
                                           const std::vector<std::string>& names) {
        for (const auto& n : names) browser_->open(n, pageUrl(client, room, n));
        std::map<std::string, ClientView> views;
        for (const auto& n : names) {
            views[n] =
                ClientView::of(browser_->waitFor(n, readyWith(static_cast<int>(names.size()) - 1), 40000));
            EXPECT_TRUE(views[n].failures.empty()) << n << ": " << describe(views[n]) << logs();
        }
        return views;
    }

    // Each tab hangs up (a closed tab's BOSH session would linger in the room for a minute), then closes.
    void closeAll(const std::vector<std::string>& names) {
        for (const auto& n : names) {
            try {
                browser_->eval(n, "window.demo ? demo.leave().then(() => true) : true");
            } catch (const std::exception& e) {
                ADD_FAILURE() << n << " could not leave: " << e.what();
            }
            browser_->close(n);
        }
    }

    static inline ProsodyFixture* prosody_ = nullptr;
    static inline BridgeSimProcess* bridge_ = nullptr;
    static inline FocusProcess* focus_ = nullptr;
    static inline BrowserDriver* browser_ = nullptr;
    static inline std::string* setupError_ = nullptr;
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
        // The browser's WebRTC stack took the focus's offer and answered it; the client sent session-accept.
        EXPECT_EQ(v.remoteDescription, "offer");
        EXPECT_EQ(v.localDescription, "answer");
        EXPECT_EQ(v.signaling, "stable");
        EXPECT_EQ(v.jingleState, "active");
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
    auto via = TestClient::anonymous(*prosody_);
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
        browser_->eval("alice", "demo.render() || true");
        browser_->screenshot("alice", screenshotDir() + "/demo.png", 1200, 840);
    }

    // Carol hangs up: the others lose her tracks, and her channels on the bridge are expired.
    const std::string carol = views["carol"].nick;
    browser_->eval("carol", "demo.leave().then(() => true)");
    for (const auto& n : {"alice", "bob"}) {
        std::string js = "(() => { const s = demo.summary(); return !s.participants['" + carol +
                         "'] && s.events.includes('track removed " + carol +
                         " audio') && s.events.includes('track removed " + carol +
                         " video') ? s : false; })()";
        auto after = ClientView::of(browser_->waitFor(n, js, 20000));
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
    browser_->open("op", "http://127.0.0.1:" + std::to_string(port) + "/");
    // One row per conference: room, participants, age, bridge.
    auto rows = browser_->eval("op",
                               "[...document.querySelectorAll('#conferences tr')].slice(1)"
                               ".map(r => [...r.cells].map(c => c.textContent))");
    auto table = rows.extract<Array::Ptr>();
    bool found = false;
    for (const auto& r : *table) {
        auto cells = r.extract<Array::Ptr>();
        if (cells->getElement<std::string>(0) != "operator@" + prosody_->mucDomain()) continue;
        found = true;
        EXPECT_EQ(cells->getElement<std::string>(1), "2");
        EXPECT_EQ(cells->getElement<std::string>(3), prosody_->bridgeComponent());
    }
    EXPECT_TRUE(found) << browser_->eval("op", "document.body.innerText").toString();
    auto bridges = browser_->eval("op", "document.querySelector('#bridges').innerText").toString();
    EXPECT_NE(bridges.find(prosody_->bridgeComponent()), std::string::npos) << bridges;
    EXPECT_NE(bridges.find("healthy"), std::string::npos) << bridges;
    EXPECT_NE(browser_->eval("op", "document.querySelector('meta[http-equiv=refresh]') !== null").toString(),
              "false");
    browser_->screenshot("op", screenshotDir() + "/operator.png", 1000, 560);
    browser_->close("op");
    closeAll(names);
}

}  // namespace
}  // namespace jicofo::test
