#pragma once
// A ColibriBridge driven the way the focus drives it: requests made by the focus's own Colibri builders
// (protocol/colibri/ColibriRequests.h) from the 2015 offer template, a fake clock.
#include <gtest/gtest.h>

#include <chrono>

#include "bridgesim/ColibriBridge.h"
#include "media/OfferFactory.h"
#include "protocol/colibri/ColibriRequests.h"
#include "protocol/colibri/ParticipantChannels.h"

namespace jicofo::test {

class BridgeTest : public ::testing::Test {
  protected:
    using ColibriConference = protocol::colibri::ColibriConference;

    void SetUp() override { bridge_ = std::make_unique<bridgesim::ColibriBridge>(config_); }
    // Rebuilds the bridge after a config change.
    void reset() { SetUp(); }

    protocol::ParseResult<ColibriConference> request(const ColibriConference& req) {
        return bridge_->handle(req, focus_, now_);
    }
    // Allocates channels for one participant as the focus does; fails the test on an error.
    ColibriConference allocate(const std::string& endpoint, const std::string& conferenceId = {},
                               media::ParticipantFeatures features = {},
                               std::optional<int32_t> lastN = std::nullopt) {
        auto tmpl = media::OfferFactory::createTemplate(features);
        protocol::colibri::AllocateOptions opts;
        opts.conferenceId = conferenceId;
        opts.conferenceName = "r1";
        opts.endpoint = endpoint;
        opts.bundle = features.useBundle();
        opts.lastN = lastN;
        opts.simulcastMode = "REWRITING";
        auto resp = request(protocol::colibri::buildAllocate(tmpl, opts));
        EXPECT_TRUE(resp) << (resp ? "" : resp.error().condition + ": " + resp.error().text);
        return resp ? *resp : ColibriConference{};
    }
    protocol::colibri::ParticipantChannels channelsOf(const ColibriConference& resp,
                                                      const std::string& endpoint) {
        auto pc = protocol::colibri::ParticipantChannels::fromAllocateResponse(resp, endpoint);
        EXPECT_TRUE(pc) << (pc ? "" : pc.error().text);
        return pc ? *pc : protocol::colibri::ParticipantChannels{};
    }
    void advance(std::chrono::milliseconds d) { now_ += d; }

    bridgesim::BridgeConfig config_;
    std::unique_ptr<bridgesim::ColibriBridge> bridge_;
    util::Jid focus_ = *util::Jid::parse("focus@auth.example.com/focus4");
    util::TimePoint now_ = util::TimePoint{} + std::chrono::hours(1);
};

}  // namespace jicofo::test
