// IqRouter's typed routing and owned requests (docs/architecture.md §4.2, §5): handlers see parsed payloads
// and never a malformed one; replies reach typed callbacks; an owner's destruction cancels its requests.
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "protocol/disco/DiscoInfo.h"
#include "protocol/focus/MuteIq.h"
#include "protocol/stanza/Namespaces.h"
#include "support/FakeChannel.h"
#include "support/ManualLoop.h"
#include "xml/Document.h"
#include "xmpp/IqRouter.h"

using namespace jicofo;
using protocol::Iq;
using protocol::IqType;
using protocol::StanzaError;
using util::Duration;

namespace {

const char* kPeer = "r1@conference.example.com/aa11";

struct IqRouterTest : ::testing::Test {
    test::ManualLoop loop;
    test::FakeChannel channel{*util::Jid::parse("focus@auth.example.com/focus1")};
    xmpp::IqRouter router{channel, loop};

    static xml::Element iq(const std::string& type, const std::string& id, xml::Element payload) {
        xml::Element e("iq", protocol::ns::kClient);
        e.setAttr("type", type);
        e.setAttr("id", id);
        e.setAttr("from", kPeer);
        e.setAttr("to", "focus@auth.example.com/focus1");
        e.addChild(std::move(payload));
        return e;
    }
    static xml::Element mute(const std::string& jid, const std::string& text) {
        xml::Element m("mute", protocol::ns::kAudioMute);
        m.setAttr("jid", jid);
        m.setText(text);
        return m;
    }
    // The error condition of the one IQ the router sent, or "" when it sent a result (or nothing).
    std::string sentCondition() {
        auto sent = channel.take("iq");
        if (!sent) return "nothing sent";
        auto parsed = Iq::parse(*sent);
        if (!parsed) return "unparsable";
        return parsed->error ? parsed->error->condition : "";
    }
    // A result from the peer for request id, with payload when given.
    void answer(const std::string& id, std::optional<xml::Element> payload = std::nullopt) {
        xml::Element e("iq", protocol::ns::kClient);
        e.setAttr("type", "result");
        e.setAttr("id", id);
        e.setAttr("from", kPeer);
        if (payload) e.addChild(std::move(*payload));
        router.handle(e);
    }
    Iq discoRequest() {
        return Iq::request(IqType::Get, *util::Jid::parse(kPeer), protocol::DiscoInfo{}.toElement());
    }
};

}  // namespace

TEST_F(IqRouterTest, TypedHandlerGetsTheParsedPayload) {
    std::optional<protocol::MuteIq> seen;
    router.registerHandler<protocol::MuteIq>(IqType::Set, "mute", protocol::ns::kAudioMute,
                                             [&](const Iq& request, const protocol::MuteIq& m) {
                                                 seen = m;
                                                 return std::optional<Iq>(request.result());
                                             });
    router.handle(iq("set", "m1", mute("r1@conference.example.com/bb22", "true")));
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->jid->str(), "r1@conference.example.com/bb22");
    EXPECT_EQ(seen->mute, true);
    EXPECT_EQ(sentCondition(), "");
}

TEST_F(IqRouterTest, TypedHandlerNeverSeesAPayloadThatDoesNotParse) {
    int calls = 0;
    router.registerHandler<protocol::MuteIq>(IqType::Set, "mute", protocol::ns::kAudioMute,
                                             [&](const Iq& request, const protocol::MuteIq&) {
                                                 ++calls;
                                                 return std::optional<Iq>(request.result());
                                             });
    router.handle(iq("set", "m1", mute("not a jid@@", "true")));
    router.handle(iq("set", "m2", mute("r1@conference.example.com/bb22", std::string(100, 'x'))));
    EXPECT_EQ(calls, 0);
    EXPECT_EQ(sentCondition(), "bad-request");
    EXPECT_EQ(sentCondition(), "bad-request");
}

TEST_F(IqRouterTest, TypedRequestGetsTheParsedResultOrAnError) {
    std::optional<util::Result<protocol::DiscoInfo, StanzaError>> got;
    Iq request = discoRequest();
    router.sendRequest<protocol::DiscoInfo>(
        request, Duration(1000), [&](util::Result<protocol::DiscoInfo, StanzaError> r) { got = r; });
    protocol::DiscoInfo info;
    info.features = {"urn:xmpp:jingle:1", "urn:ietf:rfc:5888"};
    answer(request.id, info.toElement());
    ASSERT_TRUE(got && *got);
    EXPECT_TRUE((*got)->hasFeature("urn:ietf:rfc:5888"));

    // A result without the payload asked for is an error, not an empty value.
    got.reset();
    Iq second = discoRequest();
    router.sendRequest<protocol::DiscoInfo>(
        second, Duration(1000), [&](util::Result<protocol::DiscoInfo, StanzaError> r) { got = r; });
    answer(second.id);
    ASSERT_TRUE(got);
    ASSERT_FALSE(*got);
    EXPECT_EQ(got->error().condition, "bad-request");
}

TEST_F(IqRouterTest, DestroyingTheOwnerCancelsItsRequests) {
    int calls = 0;
    Iq answered = discoRequest(), timedOut = discoRequest();
    {
        xmpp::IqRequests owner(router);
        owner.send(answered, Duration(1000), [&](util::Result<Iq, StanzaError>) { ++calls; });
        owner.send(timedOut, Duration(1000), [&](util::Result<Iq, StanzaError>) { ++calls; });
        EXPECT_EQ(router.pendingCount(), 2u);
    }
    EXPECT_EQ(router.pendingCount(), 0u);
    answer(answered.id);
    loop.advance(Duration(2000));
    EXPECT_EQ(calls, 0);
    // Requests of others are untouched.
    router.sendRequest(discoRequest(), Duration(1000), [&](util::Result<Iq, StanzaError> r) {
        EXPECT_EQ(r.error().condition, "remote-server-timeout");
        ++calls;
    });
    loop.advance(Duration(1000));
    EXPECT_EQ(calls, 1);
}

TEST_F(IqRouterTest, StreamDownFailsLaterButNotForAGoneOwner) {
    channel.setConnected(false);
    int calls = 0;
    std::string condition;
    router.sendRequest(discoRequest(), Duration(1000), [&](util::Result<Iq, StanzaError> r) {
        condition = r.error().condition;
        ++calls;
    });
    {
        xmpp::IqRequests owner(router);
        owner.send(discoRequest(), Duration(1000), [&](util::Result<Iq, StanzaError>) { ++calls; });
    }
    EXPECT_EQ(calls, 0);  // never inside the caller
    loop.runPending();
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(condition, "service-unavailable");
}

TEST_F(IqRouterTest, FailAllSkipsRequestsCancelledByAnEarlierCallback) {
    auto owner = std::make_unique<xmpp::IqRequests>(router);
    int calls = 0;
    // Whichever runs first ends the owner of the other: exactly one callback runs.
    owner->send(discoRequest(), Duration(1000), [&](util::Result<Iq, StanzaError>) {
        ++calls;
        owner.reset();
    });
    owner->send(discoRequest(), Duration(1000), [&](util::Result<Iq, StanzaError>) {
        ++calls;
        owner.reset();
    });
    router.failAll("stream lost");
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(router.pendingCount(), 0u);
}

TEST_F(IqRouterTest, AStanzaHandedOverGivesItsPayloadToTheHandlerAndAMalformedOneStillGetsBadRequest) {
    std::optional<protocol::MuteIq> seen;
    router.registerHandler<protocol::MuteIq>(IqType::Set, "mute", protocol::ns::kAudioMute,
                                             [&](const Iq& request, const protocol::MuteIq& m) {
                                                 seen = m;
                                                 return std::optional<Iq>(request.result());
                                             });
    // The streams' path: the payload is moved into the Iq, not copied.
    xml::Element good = iq("set", "m1", mute("r1@conference.example.com/bb22", "false"));
    router.handle(std::move(good));
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->mute, false);
    EXPECT_EQ(sentCondition(), "");

    seen.reset();
    router.handle(iq("set", "m2", mute("not a jid@@", "true")));
    EXPECT_FALSE(seen);
    auto refused = channel.take("iq");
    ASSERT_TRUE(refused);
    auto parsed = Iq::parse(*refused);
    ASSERT_TRUE(parsed && parsed->error);
    EXPECT_EQ(parsed->error->condition, "bad-request");
    EXPECT_EQ(parsed->id, "m2");
    // The refused request is echoed as before (Iq::errorReply), though it was handed over.
    ASSERT_TRUE(parsed->payload);
    EXPECT_EQ(parsed->payload->name(), "mute");

    // An envelope the router cannot read is answered from the stanza it was handed.
    xml::Element badTo = iq("set", "m3", mute("r1@conference.example.com/bb22", "true"));
    badTo.setAttr("to", "@@");
    router.handle(std::move(badTo));
    EXPECT_EQ(sentCondition(), "jid-malformed");
}

TEST_F(IqRouterTest, ARequestsOwnerDestroyedInsideAnotherCallbackNeverHearsItsAnswer) {
    // Like a conference that ends in one answer's callback while its other request is still out.
    auto owner = std::make_unique<xmpp::IqRequests>(router);
    int lateCalls = 0;
    Iq first = discoRequest(), second = discoRequest();
    owner->send(first, Duration(1000), [&](util::Result<Iq, StanzaError>) { owner.reset(); });
    owner->send(second, Duration(1000), [&](util::Result<Iq, StanzaError>) { ++lateCalls; });
    answer(first.id);
    EXPECT_FALSE(owner);
    answer(second.id);             // its answer arrives: nobody is called
    loop.advance(Duration(5000));  // nor by its timeout
    EXPECT_EQ(lateCalls, 0);
    EXPECT_EQ(router.pendingCount(), 0u);
    EXPECT_EQ(loop.timerCount(), 0u) << "the cancelled request's timer is gone too";
}
