#pragma once
// What every browser suite shares: a Prosody serving the demo page (resources/demo) and Debian's headless
// Chromium driven by driver.mjs, the tabs' reports (demo.summary()) as ClientView, and joining/leaving a room
// with several tabs. Each suite adds its own focus and bridge simulator(s).
//
//   BrowserHarness* h = new BrowserHarness();          // in SetUpTestSuite; h->setupError() says what failed
//   ... start the focus and a bridge against h->prosody() ...
//   h->startBrowser();
//   auto views = h->join("2021", "room", {"alice", "bob"}, logs, "&sourceNames=1");
//   h->closeAll({"alice", "bob"});
#include <Poco/Dynamic/Var.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "browser/BrowserDriver.h"
#include "support/ProsodyFixture.h"

namespace jicofo::test {

// What one tab reports (demo.summary() in resources/demo/demo.js), reduced to what the tests check.
struct ClientView {
    std::string nick, jingleState, signaling, remoteDescription, localDescription;
    std::string bridgeUfrag, bridgeFingerprint;  // of the offer's first section with candidates
    std::vector<std::string> bridgeCandidates;   // "IP:PORT udp host"
    std::vector<std::string> failures, events;
    std::map<std::string, std::set<uint32_t>> localSsrcs;                   // media -> SSRCs
    std::map<std::string, std::map<std::string, uint32_t>> remoteTracks;    // owner -> type -> SSRC
    std::map<std::string, std::map<std::string, std::string>> remoteNames;  // owner -> type -> source name

    static ClientView of(const Poco::Dynamic::Var& value);
    bool saw(const std::string& event) const;
};

std::string describe(const ClientView& v);
// The browser's WebRTC stack took the focus's offer and answered it (stable), and the client sent
// session-accept (its Jingle session is active).
void expectAppliedOffer(const ClientView& v);

// JS for BrowserDriver::waitFor: a page is ready once it has joined, applied the offer, answered, and holds
// audio and video tracks of `others` participants; a failure of the client ends the wait at once.
std::string readyWith(int others);
// JS: the tab no longer lists `gone` and has seen its audio and video tracks removed.
std::string sawLeave(const std::string& gone);

class BrowserHarness {
  public:
    using Logs = std::function<std::string()>;

    // Prosody with the demo page laid out in its www dir; nothing else yet.
    BrowserHarness();
    ~BrowserHarness();
    BrowserHarness(const BrowserHarness&) = delete;
    BrowserHarness& operator=(const BrowserHarness&) = delete;

    // "" when everything so far started; else what is missing or failed.
    const std::string& setupError() const { return setupError_; }
    void fail(std::string why) { setupError_ = std::move(why); }
    // Starts Chromium (after the focus and bridges: a failure there is reported first).
    void startBrowser();

    ProsodyFixture& prosody() { return *prosody_; }
    BrowserDriver& browser() { return *browser_; }
    std::string browserLog() const;
    static std::string screenshotDir();

    // The demo page for one tab; query: more URL parameters, e.g. "&region=eu-west".
    std::string pageUrl(const std::string& client, const std::string& room, const std::string& name,
                        const std::string& query = {}) const;
    // Opens one tab per name in room and waits until each sees all the others' audio and video.
    std::map<std::string, ClientView> join(const std::string& client, const std::string& room,
                                           const std::vector<std::string>& names, const Logs& logs,
                                           const std::string& query = {});
    // Each tab hangs up (a closed tab's BOSH session would linger in the room for a minute), then closes.
    void closeAll(const std::vector<std::string>& names);

  private:
    std::unique_ptr<ProsodyFixture> prosody_;
    std::unique_ptr<BrowserDriver> browser_;
    std::string setupError_;
};

}  // namespace jicofo::test
