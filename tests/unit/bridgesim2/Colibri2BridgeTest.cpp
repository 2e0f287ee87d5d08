// The simulated modern bridge's Colibri2 core (docs/media.md §2b): allocation, updates, expiry and every
// error case.
#include <gtest/gtest.h>

#include "bridgesim2/Colibri2Bridge.h"
#include "media/OfferFactory.h"
#include "protocol/colibri2/Colibri2Requests.h"
#include "unit/bridgesim2/Bridge2TestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol::colibri2;
using bridgesim2::Colibri2Bridge;

namespace {

constexpr const char* kFocus = "jvbbrewery@internal.auth.example.com/focus";

class Colibri2BridgeTest : public ::testing::Test {
  protected:
    Colibri2Bridge::Answer send(const ConferenceModify& req) { return bridge_.handle(req, kFocus, now_); }
    ConferenceModified ok(const ConferenceModify& req) {
        auto a = send(req);
        EXPECT_TRUE(a) << (a ? "" : a.error().stanza.condition + " " + a.error().stanza.text);
        return a ? *a : ConferenceModified{};
    }
    Colibri2Error error(const ConferenceModify& req) {
        auto a = send(req);
        EXPECT_FALSE(a) << "expected an error";
        return a ? Colibri2Error{} : a.error();
    }
    const bridgesim2::SimConference* conf(const std::string& id) {
        auto it = bridge_.conferences().find(id);
        return it == bridge_.conferences().end() ? nullptr : &it->second;
    }

    bridgesim2::TransportSettings settings_;
    Colibri2Bridge bridge_{settings_};
    util::TimePoint now_{};
};

TEST_F(Colibri2BridgeTest, CreateAnswersTransportSctpAndFeedbackSources) {
    ConferenceModified resp = ok(test::createConference("m1", "e1"));
    const Endpoint* ep = resp.endpoint("e1");
    ASSERT_NE(ep, nullptr);
    ASSERT_TRUE(ep->transport && ep->transport->ice);
    const auto& ice = *ep->transport->ice;
    EXPECT_FALSE(ice.ufrag.empty());
    EXPECT_FALSE(ice.pwd.empty());
    EXPECT_TRUE(ice.rtcpMux);
    ASSERT_EQ(ice.fingerprints.size(), 1u);
    EXPECT_EQ(ice.fingerprints[0].setup, "actpass");
    EXPECT_EQ(ice.fingerprints[0].hash, "sha-256");
    ASSERT_EQ(ice.candidates.size(), 1u);
    EXPECT_EQ(ice.candidates[0].ip, "127.0.0.1");
    EXPECT_TRUE(ep->transport->webSockets().empty());
    ASSERT_TRUE(ep->transport->sctp);
    EXPECT_EQ(ep->transport->sctp->port, 5000);
    ASSERT_TRUE(resp.sources);
    ASSERT_NE(resp.sources->find("jvb-a0"), nullptr);
    ASSERT_NE(resp.sources->find("jvb-v0"), nullptr);
    EXPECT_EQ(*resp.sources->find("jvb-v0")->sources[0].param("msid"), "mixedmslabel mixedlabelvideo0");
    EXPECT_EQ(resp.sources->find("jvb-a0")->ssrcs().at(0), conf("m1")->audioSsrc);
    EXPECT_EQ(conf("m1")->name, "r1@conference.example.com");
    EXPECT_EQ(conf("m1")->focus, kFocus);
    const auto& stored = conf("m1")->endpoints.at("e1");
    EXPECT_TRUE(stored.iceControlling);
    EXPECT_EQ(stored.sources->mediaSources.size(), 2u);
    EXPECT_EQ(stored.payloadTypes, (std::vector<int>{111, 100}));
    // A second endpoint: its own transport, feedback sources again, no sctp when not asked.
    ConferenceModify second = test::modify("m1");
    second.endpoints.push_back(test::newEndpoint("e2", 2000, false));
    ConferenceModified resp2 = ok(second);
    EXPECT_NE(resp2.endpoint("e2")->transport->ice->ufrag, ice.ufrag);
    EXPECT_NE(resp2.endpoint("e2")->transport->ice->candidates[0].port, ice.candidates[0].port);
    EXPECT_FALSE(resp2.endpoint("e2")->transport->sctp);
    EXPECT_TRUE(resp2.sources);
}

TEST_F(Colibri2BridgeTest, WebSocketUrlWhenConfigured) {
    bridgesim2::TransportSettings s;
    s.webSocketBase = "wss://127.0.0.1:8443/colibri-ws/jvb1";
    Colibri2Bridge bridge(s);
    auto resp = bridge.handle(test::createConference("m1", "e1"), kFocus, now_);
    ASSERT_TRUE(resp);
    auto urls = resp->endpoint("e1")->transport->webSockets();
    ASSERT_EQ(urls.size(), 1u);
    EXPECT_EQ(urls[0].rfind("wss://127.0.0.1:8443/colibri-ws/jvb1/m1/e1?pwd=", 0), 0u);
}

TEST_F(Colibri2BridgeTest, DuplicateCreateIsConferenceAlreadyExists) {
    ok(test::createConference("m1", "e1"));
    Colibri2Error e = error(test::createConference("m1", "e2"));
    EXPECT_EQ(e.stanza.condition, "conflict");
    EXPECT_TRUE(e.is(Colibri2Reason::ConferenceAlreadyExists));
    EXPECT_EQ(conf("m1")->endpoints.count("e2"), 0u);
}

TEST_F(Colibri2BridgeTest, UnknownMeetingWithoutCreateIsConferenceNotFound) {
    ConferenceModify req = test::modify("nope");
    req.endpoints.push_back(test::newEndpoint("e1", 1));
    Colibri2Error e = error(req);
    EXPECT_EQ(e.stanza.condition, "item-not-found");
    EXPECT_TRUE(e.is(Colibri2Reason::ConferenceNotFound));
    EXPECT_TRUE(bridge_.conferences().empty());
}

TEST_F(Colibri2BridgeTest, EndpointWithoutTransportIsBadRequestAndTheEmptyConferenceIsSweptLater) {
    ConferenceModify req = test::createConference("m1", "e1");
    req.endpoints[0].transport.reset();
    Colibri2Error e = error(req);
    EXPECT_EQ(e.stanza.condition, "bad-request");
    EXPECT_FALSE(e.reason);
    EXPECT_NE(e.stanza.text.find("with no <transport>"), std::string::npos);
    ASSERT_NE(conf("m1"), nullptr);  // created before the endpoint failed, as jvb does
    EXPECT_TRUE(conf("m1")->endpoints.empty());
    bridge_.sweep(now_ + std::chrono::seconds(59), std::chrono::seconds(60));
    EXPECT_NE(conf("m1"), nullptr);
    bridge_.sweep(now_ + std::chrono::seconds(60), std::chrono::seconds(60));
    EXPECT_EQ(conf("m1"), nullptr);
    EXPECT_EQ(bridge_.events().back().kind, "conference-expire");
    EXPECT_EQ(bridge_.events().back().detail, "idle");
}

TEST_F(Colibri2BridgeTest, EndpointWithoutSourceNamesCapabilityIsBadRequest) {
    ConferenceModify req = test::createConference("m1", "e1");
    req.endpoints[0].capabilities.clear();
    Colibri2Error e = error(req);
    EXPECT_EQ(e.stanza.condition, "bad-request");
    EXPECT_EQ(e.stanza.text, "Source name support is mandatory.");
}

TEST_F(Colibri2BridgeTest, SctpOnlyAsServerOnPort5000) {
    ConferenceModify role = test::createConference("m1", "e1");
    role.endpoints[0].transport->sctp->role = "client";
    EXPECT_EQ(error(role).stanza.condition, "feature-not-implemented");
    ConferenceModify port = test::modify("m1");
    port.endpoints.push_back(test::newEndpoint("e1", 1));
    port.endpoints[0].transport->sctp->port = 5001;
    EXPECT_EQ(error(port).stanza.condition, "bad-request");
}

TEST_F(Colibri2BridgeTest, DuplicateEndpointCreateConflicts) {
    ok(test::createConference("m1", "e1"));
    ConferenceModify again = test::modify("m1");
    again.endpoints.push_back(test::newEndpoint("e1", 5));
    Colibri2Error e = error(again);
    EXPECT_EQ(e.stanza.condition, "conflict");
    EXPECT_FALSE(e.reason);
}

TEST_F(Colibri2BridgeTest, UpdateOfAnUnknownEndpointIsUnknownEndpoint) {
    ok(test::createConference("m1", "e1"));
    ConferenceModify req = test::modify("m1");
    req.addEndpoint("ghost").forceMute = ForceMute{true, false, {}};
    Colibri2Error e = error(req);
    EXPECT_EQ(e.stanza.condition, "item-not-found");
    EXPECT_TRUE(e.is(Colibri2Reason::UnknownEndpoint));
    EXPECT_EQ(e.endpointId, "ghost");
    EXPECT_EQ(bridge_.events().back().kind, "error");
    EXPECT_EQ(bridge_.events().back().endpoint, "ghost");
}

TEST_F(Colibri2BridgeTest, UpdateReplacesSourcesAndMergesTheClientTransport) {
    ok(test::createConference("m1", "e1"));
    ConferenceModify req = test::modify("m1");
    Endpoint& ep = req.addEndpoint("e1");
    ep.transport = Colibri2Transport{};
    ep.transport->ice = protocol::jingle::Transport{};
    ep.transport->ice->ufrag = "sXoJ";
    ep.transport->ice->pwd = "PirYicPKtYw4+mkIUOm1wWQm";
    protocol::jingle::Fingerprint fp;
    fp.hash = "sha-256";
    fp.setup = "active";
    fp.value = "BB:50";
    ep.transport->ice->fingerprints.push_back(fp);
    protocol::jingle::Candidate c;
    c.foundation = "1";
    c.ip = "192.0.2.15";
    c.port = 51000;
    c.priority = 1;
    c.protocol = "udp";
    c.type = "host";
    ep.transport->ice->candidates.push_back(c);
    ep.sources = Sources{{MediaSource::single("audio", "e1-a0", 77)}, {}};
    ConferenceModified resp = ok(req);
    EXPECT_FALSE(resp.endpoint("e1")->transport);  // only a create gets the bridge's transport
    EXPECT_FALSE(resp.sources);                    // no feedback sources on a plain update
    const auto& stored = conf("m1")->endpoints.at("e1");
    EXPECT_EQ(stored.remote.ufrag, "sXoJ");
    EXPECT_EQ(stored.remote.candidates.size(), 1u);
    EXPECT_EQ(stored.remote.fingerprints.at(0).setup, "active");
    ASSERT_EQ(stored.sources->mediaSources.size(), 1u);  // replaced, not merged
    EXPECT_EQ(stored.sources->mediaSources[0].ssrcs(), std::vector<uint32_t>{77u});
    EXPECT_EQ(stored.updates, 1u);
    EXPECT_EQ(bridge_.events().back().kind, "endpoint-update");
    EXPECT_EQ(bridge_.events().back().detail, "transport sources=[e1-a0]");
}

TEST_F(Colibri2BridgeTest, LastEndpointExpiryExpiresTheConferenceAndTheNextAllocationCreatesAgain) {
    ok(test::createConference("m1", "e1"));
    ConferenceModify expire = test::modify("m1");
    expire.addEndpoint("e1").expire = true;
    ConferenceModified resp = ok(expire);
    EXPECT_TRUE(resp.endpoint("e1")->expire);
    EXPECT_EQ(conf("m1"), nullptr);
    EXPECT_EQ(bridge_.events().back().detail, "empty");
    ConferenceModify late = test::modify("m1");
    late.endpoints.push_back(test::newEndpoint("e2", 9));
    EXPECT_TRUE(error(late).is(Colibri2Reason::ConferenceNotFound));
    ok(test::createConference("m1", "e2"));
    EXPECT_NE(conf("m1"), nullptr);
}

TEST_F(Colibri2BridgeTest, ExpiringAnUnknownEndpointIsFine) {
    ok(test::createConference("m1", "e1"));
    ConferenceModify req = test::modify("m1");
    req.addEndpoint("ghost").expire = true;
    EXPECT_TRUE(ok(req).endpoint("ghost")->expire);
    EXPECT_EQ(conf("m1")->endpoints.size(), 1u);
}

TEST_F(Colibri2BridgeTest, ConferenceExpireRequest) {
    ok(test::createConference("m1", "e1"));
    ConferenceModify req = test::modify("m1");
    req.expire = true;
    ok(req);
    EXPECT_EQ(conf("m1"), nullptr);
    EXPECT_EQ(bridge_.events().back().detail, "request");
}

TEST_F(Colibri2BridgeTest, GracefulShutdownRefusesNewConferencesOnly) {
    ok(test::createConference("m1", "e1"));
    bridge_.setRefuseNewConferences(true);
    Colibri2Error e = error(test::createConference("m2", "e1"));
    EXPECT_EQ(e.stanza.condition, "service-unavailable");
    EXPECT_TRUE(e.is(Colibri2Reason::GracefulShutdown));
    EXPECT_EQ(conf("m2"), nullptr);
    ConferenceModify join = test::modify("m1");
    join.endpoints.push_back(test::newEndpoint("e2", 50));
    ok(join);  // the existing conference still grows
    EXPECT_EQ(conf("m1")->endpoints.size(), 2u);
}

TEST_F(Colibri2BridgeTest, EventsTellWhatHappened) {
    ok(test::createConference("m1", "e1"));
    ConferenceModify expire = test::modify("m1");
    expire.addEndpoint("e1").expire = true;
    ok(expire);
    std::vector<std::string> kinds;
    for (const auto& ev : bridge_.events()) kinds.push_back(ev.kind);
    EXPECT_EQ(kinds, (std::vector<std::string>{"conference-create", "endpoint-create", "endpoint-expire",
                                               "conference-expire"}));
    EXPECT_EQ(bridge_.events()[1].detail, "sources=[e1-a0 e1-v0]");
    EXPECT_EQ(bridge_.requestCount(), 2u);
}

}  // namespace

namespace {

// The focus's own builders (protocol/colibri2/Colibri2Requests.h) against the simulated bridge: a whole
// participant life cycle is accepted.
TEST_F(Colibri2BridgeTest, TheFocusBuildersAreAccepted) {
    auto offer = media::OfferFactory::createTemplate({});
    protocol::jingle::MediaSources sources;
    sources.at("audio").sources.push_back(protocol::jingle::Source::make(11));
    EndpointOptions o;
    o.meetingId = "m1";
    o.conferenceName = "r1@conference.example.com";
    o.createConference = true;
    o.endpoint = "ep1";
    auto alloc = readAllocation(ok(buildCreateEndpoint(offer, sources, o)), "ep1");
    ASSERT_TRUE(alloc) << alloc.error().text;
    EXPECT_EQ(alloc->sctpPort, 5000);
    EXPECT_EQ(alloc->feedbackSsrcs.at("audio"), conf("m1")->audioSsrc);
    EXPECT_EQ(conf("m1")->endpoints.at("ep1").sources->mediaSources.at(0).id, "ep1-a0");

    protocol::jingle::Transport client;
    client.ufrag = "cu";
    client.pwd = "cp";
    ok(buildEndpointUpdate("m1", "ep1", &client, &sources));
    EXPECT_EQ(conf("m1")->endpoints.at("ep1").remote.ufrag, "cu");
    ok(buildEndpointExpire("m1", "ep1"));
    EXPECT_EQ(conf("m1"), nullptr);  // the last endpoint left: the bridge expired the conference
}

}  // namespace
