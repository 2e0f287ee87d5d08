#pragma once
// The real FocusManager with media (MediaSessions, ColibriAllocator, BridgeRegistry, SourceMap) on a
// ManualLoop; the test plays Prosody, the MUC service, the participants' clients and a 2015 bridge
// (FakeBridge) by answering what the focus sends (pump()).
#include <gtest/gtest.h>

#include <map>

#include "bridge/BridgeRegistry.h"
#include "bridge/BridgeSelector.h"
#include "bridge/ColibriExpiry.h"
#include "logic/bridge/FakeBridge.h"
#include "logic/conference/FocusHarness.h"
#include "protocol/colibri/ColibriConference.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/jingle/Jingle.h"
#include "support/ClientSamples.h"

namespace jicofo::test {

class MediaHarness {
  public:
    static constexpr const char* kRoom = "r1@conference.example.com";

    explicit MediaHarness(std::vector<std::string> bridgeJids = {"jvb1.example.com"},
                          conference::FocusSettings settings = FocusHarness::defaults())
        : component(jid("focus.example.com")),
          client(jid("focus@auth.example.com/focus1")),
          componentRouter(component, loop),
          clientRouter(client, loop),
          registry(loop, client, clientRouter, registrySettings()),
          selector(std::chrono::minutes(5)),
          expiry(loop, client, clientRouter, registry, {}),
          colibri{loop, client, clientRouter, registry, selector, expiry, std::chrono::seconds(20)},
          media{colibri, registry, std::chrono::seconds(5), std::chrono::seconds(20)},
          ctx{loop, component, client, clientRouter, settings, &media},
          manager(ctx),
          bridgeJids_(std::move(bridgeJids)) {
        for (const auto& b : bridgeJids_) bridges.emplace(b, FakeBridge(b));
        componentRouter.registerHandler<protocol::ConferenceIq>(
            protocol::IqType::Set, "conference", protocol::ns::kFocus,
            [this](const protocol::Iq& iq, const protocol::ConferenceIq& c) {
                return manager.handleConferenceIq(iq, c);
            });
        clientRouter.registerHandler<protocol::jingle::Jingle>(
            protocol::IqType::Set, "jingle", protocol::ns::kJingle,
            [this](const protocol::Iq& iq, const protocol::jingle::Jingle& j) {
                return manager.handleJingle(iq, j);
            });
        registry.start();
        pump();
    }

    static bridge::BridgeRegistrySettings registrySettings() {
        bridge::BridgeRegistrySettings s;
        s.domain = jid("example.com");
        s.rediscoveryInterval = util::Duration(0);
        s.healthCheckInterval = util::Duration(0);
        return s;
    }

    // A conference for kRoom (or another room) with the focus in it. Rooms other than kRoom take the same
    // helpers with their name; nicks must differ across rooms (Jingle IQs are collected by nick).
    void createConference(std::vector<std::pair<std::string, std::string>> props = {},
                          const std::string& room = kRoom) {
        protocol::ConferenceIq c;
        c.room = room;
        for (auto& [k, v] : props) c.addProperty(k, v);
        protocol::Iq iq =
            protocol::Iq::request(protocol::IqType::Set, jid("focus.example.com"), c.toElement());
        iq.from = jid("u@example.com/x");
        componentRouter.handle(iq.toElement());
        pump();
        presence("focus", "focus@auth.example.com/focus1", "owner", {110, 201}, false, room);
        pump();
    }

    void presence(const std::string& nick, const std::string& real, const std::string& affiliation = "none",
                  std::vector<int> codes = {}, bool unavailable = false, const std::string& room = kRoom) {
        manager.handlePresence(
            mucOccupantPresence(room, nick, real, affiliation, "participant", codes, unavailable));
        loop.runPending();
    }
    void join(const std::string& nick, const std::string& room = kRoom) {
        presence(nick, nick + "@example.com/web", "none", {}, false, room);
        pump();
    }
    // A join whose presence carries XEP-0115 caps (the 2015 client's by default).
    void joinWithCaps(const std::string& nick, const protocol::EntityCaps& caps = clientCaps2015()) {
        auto p = mucOccupantPresence(kRoom, nick, nick + "@example.com/web");
        p.children().push_back(caps.toElement());
        manager.handlePresence(p);
        loop.runPending();
        pump();
    }
    void leave(const std::string& nick, const std::string& room = kRoom) {
        presence(nick, nick + "@example.com/web", "none", {}, true, room);
        pump();
    }

    // Answers everything the focus sent, as the server side would, until it sends nothing more.
    void pump();

    // Jingle IQs the focus sent to nick (in order), consumed.
    std::vector<protocol::jingle::Jingle> jingleTo(const std::string& nick) {
        auto out = std::move(jingle_[nick]);
        jingle_[nick].clear();
        return out;
    }
    // Colibri requests the focus sent to a bridge (in order), consumed.
    std::vector<protocol::colibri::ColibriConference> colibriTo(const std::string& bridge) {
        auto out = std::move(colibri_[bridge]);
        colibri_[bridge].clear();
        return out;
    }

    // A participant's Jingle IQ to the focus (from its occupant JID); returns the focus's answer.
    protocol::Iq fromParticipant(const std::string& nick, const protocol::jingle::Jingle& j,
                                 const std::string& room = kRoom) {
        protocol::Iq iq = protocol::Iq::request(protocol::IqType::Set, client.localJid(), j.toElement());
        iq.from = jid(room + "/" + nick);
        clientRouter.handle(iq.toElement());
        loop.runPending();
        protocol::Iq reply;
        for (auto it = client.sent().begin(); it != client.sent().end(); ++it) {
            if (it->name() == "iq" && it->attr("id") == iq.id) {
                reply = protocol::Iq::parse(*it).value();
                client.sent().erase(it);
                break;
            }
        }
        pump();
        return reply;
    }

    // The session-accept a 2015 client would send for an offer: its own SSRCs (audio, video) in the
    // offered contents, a transport with a fingerprint.
    static protocol::jingle::Jingle accept(const protocol::jingle::Jingle& offer, uint32_t audio,
                                           uint32_t video);
    static protocol::jingle::Jingle sources(protocol::jingle::JingleAction action, const std::string& sid,
                                            const std::string& media, std::vector<uint32_t> ssrcs);

    // Switches for the server side.
    bool ackOffers = true;           // participants acknowledge session-initiate
    std::set<std::string> refusing;  // bridges answering allocations with an error
    std::set<std::string> silent;    // bridges not answering at all
    bool participantsAnswerDisco = true;
    // Disco features a participant (by nick) has beyond the 2015 client's, e.g. json-encoded-sources.
    std::map<std::string, std::vector<std::string>> extraFeatures;
    std::map<std::string, int> discoAsked;  // disco#info queries the focus sent to each participant (by nick)
    std::vector<protocol::Iq> discoUnanswered;  // those left unanswered (participantsAnswerDisco false)

    ManualLoop loop;
    FakeChannel component, client;
    xmpp::IqRouter componentRouter, clientRouter;
    bridge::BridgeRegistry registry;
    bridge::BridgeSelector selector;
    bridge::ColibriExpiry expiry;
    bridge::AllocatorContext colibri;
    conference::MediaContext media;
    conference::FocusContext ctx;
    conference::FocusManager manager;
    std::map<std::string, FakeBridge> bridges;
    std::vector<xml::Element> presencesSent;

  private:
    void answer(const protocol::Iq& iq);
    void reply(const protocol::Iq& request, std::optional<xml::Element> payload);
    void error(const protocol::Iq& request, const std::string& condition);

    std::vector<std::string> bridgeJids_;
    std::map<std::string, std::vector<protocol::jingle::Jingle>> jingle_;
    std::map<std::string, std::vector<protocol::colibri::ColibriConference>> colibri_;
};

}  // namespace jicofo::test
