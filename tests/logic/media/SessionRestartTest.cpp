// Session restarts and JSON-encoded sources (issue 13 §2, docs/media.md §3.7) against the scripted 2015
// bridge and scripted clients: a participant's session-terminate with <bridge-session restart='true'> or its
// session-info <ice-state>failed</ice-state> expires its channels and re-invites it (rate-limited); a
// participant advertising json-encoded-sources gets the others' sources as <json-message>.
#include "logic/media/MediaHarness.h"
#include "protocol/colibri2/MediaSource.h"
#include "protocol/jingle/JingleNamespaces.h"
#include "protocol/jingle/JsonSources.h"

using namespace jicofo;
using namespace jicofo::test;
using namespace std::chrono_literals;
using protocol::jingle::Jingle;
using protocol::jingle::JingleAction;

namespace {

const char* kBridge = "jvb1.example.com";

std::optional<Jingle> lastOf(const std::vector<Jingle>& v, JingleAction a) {
    for (auto it = v.rbegin(); it != v.rend(); ++it)
        if (it->action == a) return *it;
    return std::nullopt;
}

std::vector<uint32_t> xmlSsrcs(const Jingle& j) {
    std::vector<uint32_t> out;
    for (const auto& c : j.contents)
        if (c.description)
            for (const auto& s : c.description->sources) out.push_back(s.ssrc.value_or(0));
    return out;
}

// Alice and bob in the room, both accepted (alice 1111/2222, bob 3333/4444).
struct Active : MediaHarness {
    Jingle aliceOffer, bobOffer;
    explicit Active(std::map<std::string, std::vector<std::string>> features = {}) {
        extraFeatures = std::move(features);
        createConference();
        join("alice");
        join("bob");
        aliceOffer = *lastOf(jingleTo("alice"), JingleAction::SessionInitiate);
        bobOffer = *lastOf(jingleTo("bob"), JingleAction::SessionInitiate);
        fromParticipant("alice", accept(aliceOffer, 1111, 2222));
        fromParticipant("bob", accept(bobOffer, 3333, 4444));
        jingleTo("alice");
        jingleTo("bob");
        colibriTo(kBridge);
    }
    Jingle restartRequest(const Jingle& offer, const std::string& bridgeSession) {
        Jingle t;
        t.action = JingleAction::SessionTerminate;
        t.sid = offer.sid;
        t.reason = protocol::jingle::Reason{"success", "ICE failed", {}};
        t.bridgeSession = protocol::jingle::BridgeSession{bridgeSession, "", true, {}};
        return t;
    }
    Jingle iceFailed(const Jingle& offer) {
        Jingle i;
        i.action = JingleAction::SessionInfo;
        i.sid = offer.sid;
        i.iceState = protocol::jingle::IceState{"failed"};
        i.bridgeSession = protocol::jingle::BridgeSession{offer.bridgeSession->id, "", std::nullopt, {}};
        return i;
    }
};

}  // namespace

TEST(SessionRestart, OffersNameTheirBridgeSessionAndTheRoomAnnouncesTheRestart) {
    Active h;
    ASSERT_TRUE(h.aliceOffer.bridgeSession);
    ASSERT_TRUE(h.bobOffer.bridgeSession);
    EXPECT_FALSE(h.aliceOffer.bridgeSession->id.empty());
    EXPECT_NE(h.aliceOffer.bridgeSession->id, h.bobOffer.bridgeSession->id);
    bool announced = false;
    for (const auto& p : h.presencesSent)
        if (const auto* props = p.child("conference-properties", protocol::ns::kFocus))
            for (const auto* prop : props->childrenNamed("property"))
                announced |=
                    prop->attr("key") == "support-terminate-restart" && prop->attr("value") == "true";
    EXPECT_TRUE(announced) << "conference-properties with support-terminate-restart in the focus's presence";
}

TEST(SessionRestart, TerminateWithRestartExpiresTheChannelsAndReinvites) {
    Active h;
    std::size_t before = h.bridges.at(kBridge).liveChannels();
    auto ack = h.fromParticipant("alice", h.restartRequest(h.aliceOffer, h.aliceOffer.bridgeSession->id));
    EXPECT_EQ(ack.type, protocol::IqType::Result);
    // Bob no longer hears alice's old sources; alice gets a new offer (new sid, new bridge session) on
    // fresh channels, with bob's sources, and no session-terminate of ours (she ended it herself).
    auto toBob = h.jingleTo("bob");
    auto removed = lastOf(toBob, JingleAction::SourceRemove);
    ASSERT_TRUE(removed);
    EXPECT_EQ(xmlSsrcs(*removed), (std::vector<uint32_t>{1111, 2222}));
    auto toAlice = h.jingleTo("alice");
    EXPECT_FALSE(lastOf(toAlice, JingleAction::SessionTerminate));
    auto offer = lastOf(toAlice, JingleAction::SessionInitiate);
    ASSERT_TRUE(offer);
    EXPECT_NE(offer->sid, h.aliceOffer.sid);
    ASSERT_TRUE(offer->bridgeSession);
    EXPECT_NE(offer->bridgeSession->id, h.aliceOffer.bridgeSession->id);
    auto in = xmlSsrcs(*offer);
    EXPECT_NE(std::find(in.begin(), in.end(), 3333u), in.end()) << "bob's sources in the new offer";
    EXPECT_EQ(h.bridges.at(kBridge).liveChannels(), before) << "old channels expired, new ones allocated";
    bool expired = false;
    for (const auto& c : h.colibriTo(kBridge))
        for (const auto& content : c.contents)
            for (const auto& ch : content.channels) expired |= ch.expire == 0;
    EXPECT_TRUE(expired);
    // The old session is gone: its sid is unknown now; the new one is accepted and relayed to bob.
    EXPECT_EQ(h.fromParticipant("alice", MediaHarness::accept(h.aliceOffer, 1, 2)).type,
              protocol::IqType::Error);
    EXPECT_EQ(h.fromParticipant("alice", MediaHarness::accept(*offer, 5555, 6666)).type,
              protocol::IqType::Result);
    auto add = lastOf(h.jingleTo("bob"), JingleAction::SourceAdd);
    ASSERT_TRUE(add);
    EXPECT_EQ(xmlSsrcs(*add), (std::vector<uint32_t>{5555, 6666}));
}

TEST(SessionRestart, IceFailedSessionInfoTerminatesAndReinvites) {
    Active h;
    auto ack = h.fromParticipant("bob", h.iceFailed(h.bobOffer));
    EXPECT_EQ(ack.type, protocol::IqType::Result);
    auto toBob = h.jingleTo("bob");
    auto terminate = lastOf(toBob, JingleAction::SessionTerminate);
    ASSERT_TRUE(terminate) << "the focus ends the failed session itself";
    EXPECT_EQ(terminate->sid, h.bobOffer.sid);
    auto offer = lastOf(toBob, JingleAction::SessionInitiate);
    ASSERT_TRUE(offer);
    EXPECT_NE(offer->sid, h.bobOffer.sid);
    EXPECT_TRUE(lastOf(h.jingleTo("alice"), JingleAction::SourceRemove));
}

TEST(SessionRestart, PlainTerminateAndOtherSessionInfoChangeNothing) {
    Active h;
    Jingle t;
    t.action = JingleAction::SessionTerminate;
    t.sid = h.aliceOffer.sid;
    EXPECT_EQ(h.fromParticipant("alice", t).type, protocol::IqType::Result);
    Jingle i;
    i.action = JingleAction::SessionInfo;
    i.sid = h.aliceOffer.sid;
    i.iceState = protocol::jingle::IceState{"checking"};
    EXPECT_EQ(h.fromParticipant("alice", i).type, protocol::IqType::Result);
    EXPECT_TRUE(h.jingleTo("alice").empty());
    EXPECT_TRUE(h.jingleTo("bob").empty());
    EXPECT_TRUE(h.colibriTo(kBridge).empty());
}

TEST(SessionRestart, AnotherBridgeSessionIsRefused) {
    Active h;
    auto reply = h.fromParticipant("alice", h.restartRequest(h.aliceOffer, "not-the-current-one"));
    ASSERT_EQ(reply.type, protocol::IqType::Error);
    EXPECT_EQ(reply.error->condition, "item-not-found");
    EXPECT_TRUE(h.jingleTo("alice").empty());
    EXPECT_TRUE(h.jingleTo("bob").empty());
}

TEST(SessionRestart, AtMostThreeRestartsPerMinute) {
    Active h;
    Jingle offer = h.aliceOffer;
    for (int i = 0; i < 3; ++i) {
        auto ack = h.fromParticipant("alice", h.restartRequest(offer, offer.bridgeSession->id));
        ASSERT_EQ(ack.type, protocol::IqType::Result) << "restart " << i + 1;
        auto next = lastOf(h.jingleTo("alice"), JingleAction::SessionInitiate);
        ASSERT_TRUE(next);
        offer = *next;
        h.fromParticipant("alice", MediaHarness::accept(offer, 1111, 2222));
        h.loop.advance(1s);
    }
    auto refused = h.fromParticipant("alice", h.restartRequest(offer, offer.bridgeSession->id));
    ASSERT_EQ(refused.type, protocol::IqType::Error);
    EXPECT_EQ(refused.error->condition, "resource-constraint");
    EXPECT_FALSE(lastOf(h.jingleTo("alice"), JingleAction::SessionInitiate)) << "no re-invite over the limit";
    // A minute after the first one, one more is allowed.
    h.loop.advance(60s);
    EXPECT_EQ(h.fromParticipant("alice", h.restartRequest(offer, offer.bridgeSession->id)).type,
              protocol::IqType::Result);
    EXPECT_TRUE(lastOf(h.jingleTo("alice"), JingleAction::SessionInitiate));
}

TEST(JsonSources, AClientAdvertisingThemGetsSourcesAsJsonOthersAsXml) {
    std::map<std::string, std::vector<std::string>> features;
    features["bob"] = {protocol::jingle::ns::kJsonSourcesFeature};
    Active h(features);
    // Bob's offer: alice had no sources yet, so an empty JSON, and no peer sources in XML (only the
    // bridge's).
    ASSERT_TRUE(h.bobOffer.jsonMessage);
    EXPECT_EQ(h.bobOffer.jsonMessage->text, "{\"sources\":{}}");
    EXPECT_FALSE(h.aliceOffer.jsonMessage) << "alice reads XML";
    // Alice adds a source: bob hears it in JSON, named and owned; alice hears bob's in XML.
    auto add = MediaHarness::sources(JingleAction::SourceAdd, h.aliceOffer.sid, "video", {7777});
    EXPECT_EQ(h.fromParticipant("alice", add).type, protocol::IqType::Result);
    auto toBob = lastOf(h.jingleTo("bob"), JingleAction::SourceAdd);
    ASSERT_TRUE(toBob);
    EXPECT_TRUE(toBob->contents.empty());
    ASSERT_TRUE(toBob->jsonMessage);
    auto parsed = protocol::jingle::JsonSources::parse(toBob->jsonMessage->text);
    ASSERT_TRUE(parsed) << parsed.error().text;
    ASSERT_EQ(parsed->endpoints.size(), 1u);
    EXPECT_EQ(parsed->endpoints[0].owner, std::string(MediaHarness::kRoom) + "/alice");
    auto fromAlice = parsed->toMediaSources();
    const auto* s = fromAlice.findSource(7777);
    ASSERT_TRUE(s);
    EXPECT_EQ(protocol::colibri2::sourceName(*s), "alice-v0");
    auto bobAdd = MediaHarness::sources(JingleAction::SourceAdd, h.bobOffer.sid, "video", {8888});
    h.fromParticipant("bob", bobAdd);
    auto toAlice = lastOf(h.jingleTo("alice"), JingleAction::SourceAdd);
    ASSERT_TRUE(toAlice);
    EXPECT_FALSE(toAlice->jsonMessage);
    EXPECT_EQ(xmlSsrcs(*toAlice), std::vector<uint32_t>{8888});

    // A late joiner reading JSON gets everyone's sources in the offer's json-message.
    h.extraFeatures["carol"] = {protocol::jingle::ns::kJsonSourcesFeature};
    h.join("carol");
    auto carolOffer = lastOf(h.jingleTo("carol"), JingleAction::SessionInitiate);
    ASSERT_TRUE(carolOffer);
    ASSERT_TRUE(carolOffer->jsonMessage);
    auto all = protocol::jingle::JsonSources::parse(carolOffer->jsonMessage->text);
    ASSERT_TRUE(all);
    auto sources = all->toMediaSources();
    for (uint32_t ssrc : {1111u, 2222u, 3333u, 4444u, 7777u, 8888u})
        EXPECT_TRUE(sources.findSource(ssrc)) << ssrc;
    for (uint32_t ssrc : xmlSsrcs(*carolOffer))
        EXPECT_FALSE(sources.findSource(ssrc)) << "only the bridge's own sources stay in XML: " << ssrc;
}
