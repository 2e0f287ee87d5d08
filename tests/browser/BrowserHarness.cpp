#include "browser/BrowserHarness.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace jicofo::test {

using Poco::JSON::Object;

ClientView ClientView::of(const Poco::Dynamic::Var& value) {
    auto s = value.extract<Object::Ptr>();
    ClientView v;
    if (!s->isNull("nick")) v.nick = s->getValue<std::string>("nick");
    for (const auto& f : *s->getArray("failures")) v.failures.push_back(f.toString());
    for (const auto& e : *s->getArray("events")) v.events.push_back(e.toString());
    auto participants = s->getObject("participants");
    for (const auto& [id, p] : *participants)
        for (const auto& t : *p.extract<Object::Ptr>()->getArray("tracks")) {
            auto track = t.extract<Object::Ptr>();
            const std::string type = track->getValue<std::string>("type");
            v.remoteTracks[id][type] = track->isNull("ssrc") ? 0 : track->getValue<uint32_t>("ssrc");
            v.remoteNames[id][type] = track->isNull("name") ? "" : track->getValue<std::string>("name");
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
    v.bridgeUfrag = text("bridgeUfrag");
    v.bridgeFingerprint = text("bridgeFingerprint");
    for (const auto& c : *j->getArray("bridgeCandidates")) v.bridgeCandidates.push_back(c.toString());
    for (const auto& x : *j->getArray("localSsrcs")) {
        auto o = x.extract<Object::Ptr>();
        v.localSsrcs[o->getValue<std::string>("media")].insert(o->getValue<uint32_t>("ssrc"));
    }
    return v;
}

bool ClientView::saw(const std::string& event) const {
    return std::find(events.begin(), events.end(), event) != events.end();
}

std::string describe(const ClientView& v) {
    std::string out = "nick=" + v.nick + " jingle=" + v.jingleState + " signaling=" + v.signaling + "\n";
    for (const auto& f : v.failures) out += "  failure: " + f + "\n";
    for (const auto& e : v.events) out += "  event: " + e + "\n";
    return out;
}

void expectAppliedOffer(const ClientView& v) {
    EXPECT_EQ(v.remoteDescription, "offer");
    EXPECT_EQ(v.localDescription, "answer");
    EXPECT_EQ(v.signaling, "stable");
    EXPECT_EQ(v.jingleState, "active");
}

std::string readyWith(int others) {
    return "(() => { const s = demo.summary(); if (s.failures.length) return s;"
           " const ps = Object.values(s.participants);"
           " const j = s.jingle;"
           " return s.joined && j && j.localDescription && j.signalingState === 'stable' && ps.length === " +
           std::to_string(others) +
           " && ps.every(p => ['audio', 'video'].every(k => p.tracks.some(t => t.type === k))) ? s : false; "
           "})()";
}

std::string sawLeave(const std::string& gone) {
    return "(() => { const s = demo.summary(); return !s.participants['" + gone +
           "'] && s.events.includes('track removed " + gone +
           " audio') && s.events.includes('track removed " + gone + " video') ? s : false; })()";
}

BrowserHarness::BrowserHarness() {
    if (auto missing = BrowserDriver::missingDependency(); !missing.empty()) {
        setupError_ = missing;
        return;
    }
    prosody_ = std::make_unique<ProsodyFixture>();
    std::string layout = std::string(JICOFO_SOURCE_DIR) + "/resources/demo/make-www.sh " +
                         prosody_->wwwDir() + " " + prosody_->domain();
    if (std::system(layout.c_str()) != 0) setupError_ = "resources/demo/make-www.sh failed";
}

BrowserHarness::~BrowserHarness() = default;

void BrowserHarness::startBrowser() {
    browser_ = std::make_unique<BrowserDriver>(prosody_->dir() + "/browser.log");
    std::filesystem::create_directories(screenshotDir());
}

std::string BrowserHarness::browserLog() const {
    return browser_ ? browser_->log() : std::string();
}

std::string BrowserHarness::screenshotDir() {
    return JICOFO_BINARY_DIR "/browser-screenshots";
}

std::string BrowserHarness::pageUrl(const std::string& client, const std::string& room,
                                    const std::string& name, const std::string& query) const {
    return "http://127.0.0.1:" + std::to_string(prosody_->httpPort()) + "/files/index.html?client=" + client +
           "&room=" + room + "&name=" + name + "&autojoin=1" + query;
}

std::map<std::string, ClientView> BrowserHarness::join(const std::string& client, const std::string& room,
                                                       const std::vector<std::string>& names,
                                                       const Logs& logs, const std::string& query) {
    for (const auto& n : names) browser_->open(n, pageUrl(client, room, n, query));
    std::map<std::string, ClientView> views;
    for (const auto& n : names) {
        views[n] = ClientView::of(browser_->waitFor(n, readyWith(static_cast<int>(names.size()) - 1), 40000));
        EXPECT_TRUE(views[n].failures.empty()) << n << ": " << describe(views[n]) << logs();
    }
    return views;
}

void BrowserHarness::closeAll(const std::vector<std::string>& names) {
    for (const auto& n : names) {
        try {
            browser_->eval(n, "window.demo ? demo.leave().then(() => true) : true");
        } catch (const std::exception& e) {
            ADD_FAILURE() << n << " could not leave: " << e.what();
        }
        browser_->close(n);
    }
}

}  // namespace jicofo::test
