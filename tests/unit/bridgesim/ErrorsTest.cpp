// The errors of the 2015 bridge (docs/media.md §2.6) and what a failed request leaves behind.
#include "media/ColibriUpdates.h"
#include "protocol/stanza/Namespaces.h"
#include "unit/bridgesim/BridgeTestUtil.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;

namespace {

class BridgeSimErrors : public test::BridgeTest {
  protected:
    std::string conditionOf(const colibri::ColibriConference& req, const util::Jid& from) {
        auto resp = bridge_->handle(req, from, now_);
        EXPECT_FALSE(resp);
        return resp ? "" : resp.error().condition;
    }
    std::string conditionOf(const colibri::ColibriConference& req) { return conditionOf(req, focus_); }
};

TEST_F(BridgeSimErrors, UnknownConferenceIdIsFeatureNotImplemented) {
    colibri::ColibriConference req;
    req.id = "0123456789abcdef";
    auto resp = request(req);
    ASSERT_FALSE(resp);
    EXPECT_EQ(resp.error().condition, "feature-not-implemented");
    EXPECT_EQ(resp.error().type, "cancel");
}

TEST_F(BridgeSimErrors, AConferenceBelongsToTheFullJidThatCreatedIt) {
    auto aa = channelsOf(allocate("aa11"), "aa11");
    auto otherResource = *util::Jid::parse("focus@auth.example.com/focus5");
    EXPECT_EQ(conditionOf(media::buildSourcesUpdate(aa, {}), otherResource), "feature-not-implemented");
    EXPECT_TRUE(request(media::buildSourcesUpdate(aa, {})));
}

TEST_F(BridgeSimErrors, UnknownChannelIdIsFeatureNotImplemented) {
    auto aa = channelsOf(allocate("aa11"), "aa11");
    colibri::ColibriConference req;
    req.id = aa.conferenceId;
    colibri::Channel ch;
    ch.id = "ffffffffffffffff";
    req.getOrAddContent("audio").channels.push_back(ch);
    EXPECT_EQ(conditionOf(req), "feature-not-implemented");
    // A channel id is only known in its own content.
    req.contents[0].channels[0].id = aa.channel("video")->id;
    EXPECT_EQ(conditionOf(req), "feature-not-implemented");
}

TEST_F(BridgeSimErrors, ExpireWithoutChannelIdIsRefused) {
    colibri::ColibriConference req;
    colibri::Channel ch;
    ch.expire = 0;
    req.getOrAddContent("audio").channels.push_back(ch);
    EXPECT_EQ(conditionOf(req), "feature-not-implemented");
}

TEST_F(BridgeSimErrors, SendersAreChecked) {
    colibri::ColibriConference req;
    EXPECT_EQ(conditionOf(req, util::Jid()), "not-authorized");
    config_.authorizedSourceRegexp = "focus@auth\\.example\\.com/.*";
    reset();
    EXPECT_EQ(conditionOf(req, *util::Jid::parse("mallory@example.com/x")), "not-authorized");
    EXPECT_TRUE(request(req));
}

TEST_F(BridgeSimErrors, MalformedRequestsAreBadRequest) {
    for (const char* bad :
         {"channel-negative-expire.xml", "channel-bundle-without-id.xml", "ssrc-text-not-a-number.xml",
          "sctpconnection-port-negative.xml", "content-without-name.xml", "candidate-port-too-big.xml"}) {
        auto resp = bridge_->handle(test::goldenPayload(std::string("colibri/bad/") + bad), focus_, now_);
        ASSERT_FALSE(resp) << bad;
        EXPECT_EQ(resp.error().condition, "bad-request") << bad;
    }
    EXPECT_EQ(bridge_->conferenceCount(), 0u);
    auto notColibri = bridge_->handle(xml::Element("conference", "urn:example"), focus_, now_);
    EXPECT_EQ(notColibri.error().condition, "bad-request");

    colibri::ColibriConference req;
    colibri::Channel ch;
    ch.direction = "sideways";
    req.getOrAddContent("audio").channels.push_back(ch);
    EXPECT_EQ(conditionOf(req), "bad-request");
}

TEST_F(BridgeSimErrors, UnsupportedTransportIsInternalServerError) {
    colibri::ColibriConference req;
    colibri::Channel ch;
    ch.endpoint = "aa11";
    ch.extraChildren.push_back(xml::Element("transport", "urn:example:transport"));
    req.getOrAddContent("audio").channels.push_back(ch);
    EXPECT_EQ(conditionOf(req), "internal-server-error");
}

TEST_F(BridgeSimErrors, TouchingAnUnknownSctpConnectionIsInternalServerError) {
    auto aa = channelsOf(allocate("aa11"), "aa11");
    colibri::ColibriConference req;
    req.id = aa.conferenceId;
    colibri::SctpConnection s;
    s.id = "ffffffffffffffff";
    req.getOrAddContent("data").sctpConnections.push_back(s);
    EXPECT_EQ(conditionOf(req), "internal-server-error");
}

TEST_F(BridgeSimErrors, GracefulShutdownRefusesNewConferencesOnly) {
    auto aa = channelsOf(allocate("aa11"), "aa11");
    bridge_->setGracefulShutdown(true);
    auto resp = request(colibri::ColibriConference{});
    ASSERT_FALSE(resp);
    EXPECT_EQ(resp.error().condition, "service-unavailable");
    ASSERT_TRUE(resp.error().appSpecific);
    EXPECT_EQ(resp.error().appSpecific->name(), "graceful-shutdown");
    EXPECT_EQ(resp.error().appSpecific->ns(), ns::kColibri);

    auto more = allocate("bb22", aa.conferenceId);
    EXPECT_TRUE(more.gracefulShutdown);
    EXPECT_EQ(bridge_->channelCount(), 6u);
}

TEST_F(BridgeSimErrors, WorkDoneBeforeAnErrorStays) {
    // As in 2015: the audio channel is created, then the unknown video channel id fails the request.
    colibri::ColibriConference req;
    colibri::Channel fresh, unknown;
    fresh.endpoint = "aa11";
    unknown.id = "ffffffffffffffff";
    req.getOrAddContent("audio").channels.push_back(fresh);
    req.getOrAddContent("video").channels.push_back(unknown);
    EXPECT_EQ(conditionOf(req), "feature-not-implemented");
    EXPECT_EQ(bridge_->conferenceCount(), 1u);
    EXPECT_EQ(bridge_->channelCount(), 1u);
}

}  // namespace
