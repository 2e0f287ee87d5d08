// The late-2021 client (@lyno/lib-jitsi-meet 2.6726.2) in headless Chromium through a modern bridge (issue 13
// §4): the focus finds two Colibri2 bridge simulators (tests/bridgesim2) in the brewery, one per region, and
// the tabs say they are in eu-west (deploymentInfo.userRegion: <jitsi_participant_region> in their presence),
// so the conference goes to that region's bridge although the other is less loaded. Source-name signalling
// is on, so the tabs' remote tracks carry the names the focus signalled.
//
// As in BrowserTest, the simulator's loopback candidate never answers ICE: what is checked is the signalling
// — the offer carries that bridge's transport, the browsers' SSRCs reach the bridge as named sources and the
// other tab as named tracks, and a tab's leave expires its endpoint (the last one's, the conference).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "browser/BrowserHarness.h"
#include "support/BridgeSim2Process.h"
#include "support/FocusProcess.h"
#include "support/TestClient.h"

namespace jicofo::test {
namespace {

class Colibri2BrowserTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        h_ = new BrowserHarness();
        if (!h_->setupError().empty()) return;
        ProsodyFixture& prosody = h_->prosody();
        prosody.registerUser("jvb", prosody.authDomain(), "jvbpass");
        eu_ = startBridge("jvb-eu", {"--region=eu-west", "--stress-level=0.4",
                                     "--web-socket-base=wss://127.0.0.1:8443/colibri-ws/jvb-eu"});
        us_ = startBridge("jvb-us", {"--region=us-east", "--stress-level=0.1"});
        focus_ = new FocusProcess(prosody, {"-Dorg.jitsi.jicofo.BRIDGE_MUC=" + prosody.breweryRoom()});
        if (!eu_->waitJoined() || !us_->waitJoined() || !focus_->waitReady())
            return h_->fail("bridge simulators or focus did not start:\n" + logs());
        for (auto* b : {eu_, us_})
            if (!focus_->process().waitForLog("brewery: bridge " + b->occupantJid().str() + " joined", 10000))
                return h_->fail("the focus did not see " + b->occupantJid().str() + "\n" + logs());
        h_->startBrowser();
    }
    static BridgeSim2Process* startBridge(const std::string& nick, std::vector<std::string> args) {
        BridgeSim2Process::Options o;
        o.nick = nick;
        o.extraArgs = std::move(args);
        return new BridgeSim2Process(h_->prosody(), o);
    }
    static void TearDownTestSuite() {
        delete focus_;
        delete eu_;
        delete us_;
        delete h_;
        focus_ = nullptr;
        eu_ = us_ = nullptr;
        h_ = nullptr;
    }
    void SetUp() override { ASSERT_EQ(h_->setupError(), ""); }

    static std::string logs() {
        return "\n--- browser\n" + h_->browserLog() + "\n--- focus\n" + (focus_ ? focus_->log() : "") +
               "\n--- jvb-eu\n" + (eu_ ? eu_->log() : "") + "\n--- jvb-us\n" + (us_ ? us_->log() : "");
    }

    static inline BrowserHarness* h_ = nullptr;
    static inline BridgeSim2Process *eu_ = nullptr, *us_ = nullptr;
    static inline FocusProcess* focus_ = nullptr;
};

// The SSRCs of an endpoint's sources of one media on the bridge, and their names.
std::set<uint32_t> bridgeSsrcs(const bridgesim2::ListedEndpoint& ep, const std::string& media) {
    std::set<uint32_t> out;
    if (ep.sources)
        for (const auto& ms : ep.sources->mediaSources)
            if (ms.type == media)
                for (uint32_t s : ms.ssrcs()) out.insert(s);
    return out;
}

bool bridgeHasNamedSources(const bridgesim2::ListedConference& conf, const ClientView& v) {
    const auto* ep = conf.endpoint(v.nick);
    if (!ep) return false;
    for (const char* media : {"audio", "video"}) {
        auto wanted = v.localSsrcs.find(media);
        auto got = bridgeSsrcs(*ep, media);
        if (wanted == v.localSsrcs.end() || wanted->second.empty() ||
            !std::includes(got.begin(), got.end(), wanted->second.begin(), wanted->second.end()))
            return false;
    }
    auto names = ep->sourceNames();
    std::sort(names.begin(), names.end());
    return names == std::vector<std::string>{v.nick + "-a0", v.nick + "-v0"};
}

TEST_F(Colibri2BrowserTest, Client2021JoinsThroughTheRegionsColibri2BridgeAndLeaves) {
    const std::string room = "modern-2021";
    const std::string roomJid = room + "@" + h_->prosody().mucDomain();
    const std::vector<std::string> names = {"alice", "bob"};
    auto views = h_->join("2021", room, names, logs, "&region=eu-west&sourceNames=1");
    if (HasFailure()) return h_->closeAll(names);

    auto via = TestClient::anonymous(h_->prosody());
    bridgesim2::Listing listing;
    // session-accept reached the focus, which gave each browser's SSRCs, named, to its endpoint.
    ASSERT_TRUE(eu_->waitListing(
        *via,
        [&](const bridgesim2::Listing& l) {
            const auto* conf = l.byName(roomJid);
            return conf && bridgeHasNamedSources(*conf, views["alice"]) &&
                   bridgeHasNamedSources(*conf, views["bob"]);
        },
        10000, &listing))
        << listing.toElement().toString() << logs();
    EXPECT_EQ(listing.eventsOf("conference-create").size(), 1u);
    EXPECT_TRUE(us_->listing(*via).conferences.empty()) << "the less loaded bridge is in another region";
    const auto& conf = *listing.byName(roomJid);

    for (const auto& n : names) {
        const ClientView& v = views[n];
        SCOPED_TRACE(n + " " + describe(v));
        expectAppliedOffer(v);
        // The offer the browser applied carries its endpoint's transport on the eu-west bridge.
        const auto* ep = conf.endpoint(v.nick);
        ASSERT_NE(ep, nullptr);
        EXPECT_EQ(v.bridgeUfrag, ep->ufrag);
        EXPECT_FALSE(v.bridgeFingerprint.empty());
        ASSERT_FALSE(v.bridgeCandidates.empty());
        EXPECT_EQ(v.bridgeCandidates[0].rfind("127.0.0.1:", 0), 0u) << v.bridgeCandidates[0];
        EXPECT_FALSE(ep->remoteUfrag.empty()) << "the browser's own transport reached the bridge";
        // The other tab's tracks: its SSRCs, under the names the focus signalled.
        const ClientView& o = views[n == "alice" ? "bob" : "alice"];
        ASSERT_EQ(v.remoteTracks.count(o.nick), 1u) << "no tracks of " << o.nick;
        for (const char* media : {"audio", "video"}) {
            EXPECT_EQ(o.localSsrcs.at(media).count(v.remoteTracks.at(o.nick).at(media)), 1u) << media;
            EXPECT_EQ(v.remoteNames.at(o.nick).at(media), o.nick + "-" + std::string(1, media[0]) + "0");
        }
    }

    // bob hangs up: alice loses his tracks, his endpoint is expired on the bridge.
    const std::string bob = views["bob"].nick, alice = views["alice"].nick;
    h_->browser().eval("bob", "demo.leave().then(() => true)");
    auto after = ClientView::of(h_->browser().waitFor("alice", sawLeave(bob), 20000));
    EXPECT_TRUE(after.failures.empty()) << describe(after);
    EXPECT_TRUE(eu_->waitListing(
        *via,
        [&](const bridgesim2::Listing& l) {
            const auto* c = l.byName(roomJid);
            return c && !c->endpoint(bob) && c->endpoint(alice) &&
                   !l.eventsOf("endpoint-expire", bob).empty();
        },
        10000, &listing))
        << listing.toElement().toString() << logs();
    h_->closeAll(names);
    // Nobody left: the conference goes from the bridge.
    EXPECT_TRUE(eu_->waitListing(
        *via, [](const bridgesim2::Listing& l) { return l.conferences.empty(); }, 20000, &listing))
        << listing.toElement().toString() << logs();
}

// The 2020 build (lib-jitsi-meet-dist 2.1.5: no source names, no JSON sources, no region) and the 2021
// build in one room on a Colibri2 bridge: each applies the offer with that bridge's transport and plays the
// other's tracks, and the bridge holds both browsers' SSRCs, named by the focus for the 2020 one.
TEST_F(Colibri2BrowserTest, Clients2020And2021ShareOneColibri2Conference) {
    const std::string room = "modern-mixed";
    const std::string roomJid = room + "@" + h_->prosody().mucDomain();
    h_->browser().open("carol", h_->pageUrl("2020", room, "carol", ""));
    h_->browser().open("dave", h_->pageUrl("2021", room, "dave", "&sourceNames=1"));
    std::map<std::string, ClientView> views;
    for (const std::string n : {"carol", "dave"}) {
        views[n] = ClientView::of(h_->browser().waitFor(n, readyWith(1), 40000));
        EXPECT_TRUE(views[n].failures.empty()) << n << ": " << describe(views[n]) << logs();
    }
    if (HasFailure()) return h_->closeAll({"carol", "dave"});

    auto via = TestClient::anonymous(h_->prosody());
    bridgesim2::Listing listing;
    BridgeSim2Process* holder = nullptr;
    for (auto* b : {eu_, us_}) {
        if (b->waitListing(
                *via,
                [&](const bridgesim2::Listing& l) {
                    const auto* conf = l.byName(roomJid);
                    return conf && bridgeHasNamedSources(*conf, views["carol"]) &&
                           bridgeHasNamedSources(*conf, views["dave"]);
                },
                holder ? 1 : 5000, &listing)) {
            EXPECT_EQ(holder, nullptr) << "one bridge per conference";
            holder = b;
        }
    }
    ASSERT_NE(holder, nullptr) << "no bridge holds both browsers' named sources" << logs();
    const bridgesim2::Listing held = holder->listing(*via);
    ASSERT_NE(held.byName(roomJid), nullptr);
    const auto& conf = *held.byName(roomJid);
    for (const std::string n : {"carol", "dave"}) {
        const ClientView& v = views[n];
        SCOPED_TRACE(n + " " + describe(v));
        expectAppliedOffer(v);
        const auto* ep = conf.endpoint(v.nick);
        ASSERT_NE(ep, nullptr);
        EXPECT_EQ(v.bridgeUfrag, ep->ufrag) << "the offer carries this bridge's transport";
        const ClientView& o = views[n == "carol" ? "dave" : "carol"];
        ASSERT_EQ(v.remoteTracks.count(o.nick), 1u) << "no tracks of " << o.nick;
        for (const char* media : {"audio", "video"})
            EXPECT_EQ(o.localSsrcs.at(media).count(v.remoteTracks.at(o.nick).at(media)), 1u) << media;
    }
    h_->closeAll({"carol", "dave"});
    EXPECT_TRUE(holder->waitListing(
        *via, [&](const bridgesim2::Listing& l) { return !l.byName(roomJid); }, 20000, &listing))
        << listing.toElement().toString() << logs();
}

}  // namespace
}  // namespace jicofo::test
