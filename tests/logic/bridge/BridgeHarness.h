#pragma once
// The focus user's stream (FakeChannel + IqRouter) on a ManualLoop, a BridgeRegistry on it, and the server
// side played by the test: the domain's disco, each bridge's disco#info, the PubSub service.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "bridge/BridgeRegistry.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/jingle/JingleNamespaces.h"
#include "protocol/stanza/Namespaces.h"
#include "support/FakeChannel.h"
#include "support/ManualLoop.h"
#include "xmpp/IqRouter.h"

namespace jicofo::test {

inline util::Jid bjid(const std::string& s) {
    return *util::Jid::parse(s);
}

// Records BridgeListener events in order, e.g. "up jvb1.example.com".
struct RecordingBridgeListener : bridge::BridgeListener {
    std::vector<std::string> events;
    void onBridgeUp(const util::Jid& b) override { events.push_back("up " + b.str()); }
    void onBridgeDown(const util::Jid& b) override { events.push_back("down " + b.str()); }
};

class BridgeHarness {
  public:
    static constexpr const char* kFocus = "focus@auth.example.com/focus1";

    explicit BridgeHarness(bridge::BridgeRegistrySettings s = defaults())
        : client(bjid(kFocus)), router(client, loop), registry(loop, client, router, std::move(s)) {
        registry.addListener(&events);
    }
    ~BridgeHarness() { registry.removeListener(&events); }

    static bridge::BridgeRegistrySettings defaults() {
        bridge::BridgeRegistrySettings s;
        s.domain = bjid("example.com");
        s.healthCheckInterval = util::Duration(0);  // tests that want health checks turn them on
        return s;
    }

    // Every IQ the focus sent to `to` (and, when given, whose payload is named `payload`), removed.
    std::vector<protocol::Iq> takeIqs(const std::string& to, const std::string& payload = {},
                                      const std::string& payloadNs = {}, std::size_t max = SIZE_MAX) {
        std::vector<protocol::Iq> out;
        auto& sent = client.sent();
        for (auto it = sent.begin(); it != sent.end() && out.size() < max;) {
            if (it->name() != "iq" || it->attr("to") != to) {
                ++it;
                continue;
            }
            protocol::Iq iq = protocol::Iq::parse(*it).value();
            bool match = payload.empty() || (iq.payload && iq.payload->name() == payload &&
                                             (payloadNs.empty() || iq.payload->ns() == payloadNs));
            if (!match) {
                ++it;
                continue;
            }
            out.push_back(std::move(iq));
            it = sent.erase(it);
        }
        return out;
    }
    // The first such IQ, removed (a failed expectation when there is none).
    protocol::Iq takeIq(const std::string& to, const std::string& payload = {}, const std::string& ns = {}) {
        auto one = takeIqs(to, payload, ns, 1);
        EXPECT_EQ(one.size(), 1u) << "expected an iq to " << to << " " << payload;
        return one.empty() ? protocol::Iq{} : one.front();
    }
    std::size_t countIqs(const std::string& to) {
        std::size_t n = 0;
        for (const auto& e : client.sent())
            if (e.name() == "iq" && e.attr("to") == to) ++n;
        return n;
    }

    void reply(const protocol::Iq& req, std::optional<xml::Element> payload = std::nullopt) {
        protocol::Iq res = req.result(std::move(payload));
        res.from = req.to;
        res.to = client.localJid();
        router.handle(res.toElement());
        loop.runPending();
    }
    void fail(const protocol::Iq& req, const std::string& condition) {
        protocol::Iq err = req.errorReply(protocol::StanzaError::of(condition));
        err.from = req.to;
        err.to = client.localJid();
        router.handle(err.toElement());
        loop.runPending();
    }

    static xml::Element discoInfo(bool bridge) {
        namespace jns = protocol::jingle::ns;
        protocol::DiscoInfo info;
        info.identities.push_back({"component", "conference", "JitsiVideobridge"});
        if (bridge)
            info.features = {jns::kColibri, jns::kDtls, jns::kIceUdp, jns::kRawUdp, "jabber:iq:version"};
        else
            info.features = {"http://jabber.org/protocol/muc"};
        return info.toElement();
    }
    static xml::Element discoItems(const std::vector<std::string>& jids) {
        protocol::DiscoItems items;
        for (const auto& j : jids) items.items.push_back({j, "", ""});
        return items.toElement();
    }

    // Answers the pending disco#items of the domain with `items`, then every disco#info: the ones in
    // `bridges` with the four features, the others without.
    void answerDiscovery(const std::vector<std::string>& items, const std::set<std::string>& bridges) {
        reply(takeIq("example.com", "query", protocol::ns::kDiscoItems), discoItems(items));
        for (const auto& item : items)
            for (const auto& req : takeIqs(item, "query", protocol::ns::kDiscoInfo))
                reply(req, discoInfo(bridges.count(item) > 0));
    }
    // start() and a first discovery where every item is a bridge.
    void startWith(const std::vector<std::string>& bridges) {
        registry.start();
        answerDiscovery(bridges, std::set<std::string>(bridges.begin(), bridges.end()));
    }

    std::vector<std::string> known() const {
        std::vector<std::string> out;
        for (const auto& b : registry.bridges()) out.push_back(b.jid.str());
        return out;
    }

    ManualLoop loop;
    FakeChannel client;
    xmpp::IqRouter router;
    bridge::BridgeRegistry registry;
    RecordingBridgeListener events;
};

}  // namespace jicofo::test
