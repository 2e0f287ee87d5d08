// The simulated modern bridge's XMPP face on a fake channel: brewery join and stats presence, healthcheck,
// conference-modify IQs, the control and listing IQs, the silent/delay switches, leaving the brewery.
#include <gtest/gtest.h>

#include "bridgesim2/Bridge2Listing.h"
#include "bridgesim2/Bridge2Simulator.h"
#include "protocol/colibri2/BreweryStats.h"
#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/colibri2/HealthCheck.h"
#include "protocol/stanza/Namespaces.h"
#include "support/FakeChannel.h"
#include "support/ManualLoop.h"
#include "unit/bridgesim2/Bridge2TestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;
using bridgesim2::Bridge2Simulator;

namespace {

const util::Jid kBrewery = *util::Jid::parse("jvbbrewery@internal.auth.example.com");
const util::Jid kSelf = *util::Jid::parse("jvb@auth.example.com/jvb1");
const util::Jid kFocus = *util::Jid::parse("jvbbrewery@internal.auth.example.com/focus");

class Bridge2SimulatorTest : public ::testing::Test {
  protected:
    Bridge2SimulatorTest() {
        options_.brewery = kBrewery;
        options_.nick = "jvb1";
        options_.state.stats.region = "eu";
    }
    void startAndJoin() {
        sim_ = std::make_unique<Bridge2Simulator>(channel_, loop_, options_);
        sim_->start();
        sim_->onConnected(kSelf);
        auto join = channel_.take("presence");
        ASSERT_TRUE(join);
        EXPECT_EQ(toOf(*join), sim_->occupantJid());
        EXPECT_NE(join->child("x", ns::kMuc), nullptr);
        joinStats_ = statsOf(*join);
        selfPresence();
        EXPECT_TRUE(sim_->inBrewery());
    }
    void selfPresence(const std::string& type = {}) {
        xml::Element p = makePresence(kSelf, type);
        p.setAttr("from", sim_->occupantJid().str());
        auto& x = p.addChild("x", ns::kMucUser);
        x.addChild("item").setAttr("affiliation", "none").setAttr("role", "participant");
        x.addChild("status").setAttr("code", "110");
        sim_->onStanza(p);
    }
    static colibri2::BreweryStats statsOf(const xml::Element& presence) {
        const xml::Element* s = colibri2::BreweryStats::findIn(presence);
        if (!s) {
            ADD_FAILURE() << "no stats in " << presence.toString();
            return {};
        }
        auto parsed = colibri2::BreweryStats::parse(*s);
        EXPECT_TRUE(parsed);
        return parsed ? *parsed : colibri2::BreweryStats{};
    }
    // Sends an IQ to the simulator and returns its answer (nullopt when none was sent yet).
    std::optional<Iq> ask(IqType type, xml::Element payload) {
        Iq iq = Iq::request(type, sim_->occupantJid(), std::move(payload));
        iq.from = kFocus;
        sim_->onStanza(iq.toElement());
        loop_.runPending();
        auto reply = channel_.take("iq");
        if (!reply) return std::nullopt;
        auto parsed = Iq::parse(*reply);
        EXPECT_TRUE(parsed);
        lastRaw_ = *reply;
        return parsed ? std::optional<Iq>(*parsed) : std::nullopt;
    }
    bridgesim2::Listing listing() {
        auto reply = ask(IqType::Get, xml::Element("live", bridgesim2::kBridgeSim2Ns));
        EXPECT_TRUE(reply && reply->payload);
        auto l = bridgesim2::Listing::parse(*reply->payload);
        EXPECT_TRUE(l) << (l ? "" : l.error().text);
        return l ? *l : bridgesim2::Listing{};
    }
    std::optional<Iq> control(const bridgesim2::ControlRequest& req) {
        return ask(IqType::Set, req.toElement());
    }

    test::FakeChannel channel_{kSelf};
    test::ManualLoop loop_;
    Bridge2Simulator::Options options_;
    std::unique_ptr<Bridge2Simulator> sim_;
    colibri2::BreweryStats joinStats_;
    xml::Element lastRaw_;
};

TEST_F(Bridge2SimulatorTest, JoinsTheBreweryWithItsStatsAndRepublishesThem) {
    startAndJoin();
    EXPECT_EQ(joinStats_.region, "eu");
    EXPECT_EQ(joinStats_.colibri2, true);
    EXPECT_EQ(joinStats_.healthy, true);
    EXPECT_EQ(joinStats_.drain, false);
    EXPECT_DOUBLE_EQ(*joinStats_.stressLevel, 0.0);
    loop_.advance(std::chrono::milliseconds(5000));
    auto update = channel_.take("presence");
    ASSERT_TRUE(update);
    EXPECT_EQ(update->child("x", ns::kMuc), nullptr);  // an update, not a second join
    EXPECT_EQ(statsOf(*update).region, "eu");
}

TEST_F(Bridge2SimulatorTest, OtherOccupantsPresencesAreIgnored) {
    startAndJoin();
    xml::Element other = makePresence(kSelf);
    other.setAttr("from", kFocus.str());
    sim_->onStanza(other);
    EXPECT_TRUE(sim_->inBrewery());
    EXPECT_TRUE(channel_.sent().empty());
}

TEST_F(Bridge2SimulatorTest, HealthcheckFollowsTheHealthySwitch) {
    startAndJoin();
    auto healthy = ask(IqType::Get, colibri2::HealthCheck{}.toElement());
    ASSERT_TRUE(healthy);
    EXPECT_EQ(healthy->type, IqType::Result);
    bridgesim2::ControlRequest sick;
    sick.healthy = false;
    control(sick);
    auto presence = channel_.take("presence");  // the stats changed: published at once
    ASSERT_TRUE(presence);
    EXPECT_EQ(statsOf(*presence).healthy, false);
    auto failing = ask(IqType::Get, colibri2::HealthCheck{}.toElement());
    ASSERT_TRUE(failing && failing->error);
    EXPECT_EQ(failing->error->condition, "internal-server-error");
}

TEST_F(Bridge2SimulatorTest, ConferenceModifyAnsweredAndListed) {
    startAndJoin();
    auto created = ask(IqType::Get, test::createConference("m1", "e1").toElement());
    ASSERT_TRUE(created && created->type == IqType::Result && created->payload);
    auto modified = colibri2::ConferenceModified::parse(*created->payload);
    ASSERT_TRUE(modified);
    EXPECT_TRUE(modified->endpoint("e1")->transport);
    auto l = listing();
    ASSERT_NE(l.byMeetingId("m1"), nullptr);
    EXPECT_EQ(l.byMeetingId("m1")->focus, kFocus.str());
    const auto* ep = l.byMeetingId("m1")->endpoint("e1");
    ASSERT_NE(ep, nullptr);
    EXPECT_EQ(ep->sourceNames(), (std::vector<std::string>{"e1-a0", "e1-v0"}));
    EXPECT_EQ(ep->ufrag, modified->endpoint("e1")->transport->ice->ufrag);
    EXPECT_TRUE(ep->sctp);
    EXPECT_EQ(l.eventsOf("endpoint-create").size(), 1u);
    // The listing reads back what it wrote.
    auto again = bridgesim2::Listing::parse(l.toElement());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->toElement(), l.toElement());
}

TEST_F(Bridge2SimulatorTest, ErrorsCarryTheColibri2ReasonAndTheUnknownEndpoint) {
    startAndJoin();
    ask(IqType::Set, test::createConference("m1", "e1").toElement());
    auto dup = ask(IqType::Set, test::createConference("m1", "e1").toElement());
    ASSERT_TRUE(dup && dup->error);
    auto dupError = colibri2::Colibri2Error::fromStanzaError(*dup->error);
    ASSERT_TRUE(dupError);
    EXPECT_TRUE(dupError->is(colibri2::Colibri2Reason::ConferenceAlreadyExists));
    colibri2::ConferenceModify update = test::modify("m1");
    update.addEndpoint("ghost").forceMute = colibri2::ForceMute{};
    auto unknown = ask(IqType::Set, update.toElement());
    ASSERT_TRUE(unknown && unknown->error);
    auto e = colibri2::Colibri2Error::parse(*lastRaw_.child("error"));
    ASSERT_TRUE(e);
    EXPECT_TRUE(e->is(colibri2::Colibri2Reason::UnknownEndpoint));
    EXPECT_EQ(e->endpointId, "ghost");
    auto bad = ask(IqType::Set, xml::Element("conference-modify", colibri2::ns::kColibri2));  // no meeting-id
    ASSERT_TRUE(bad && bad->error);
    EXPECT_EQ(bad->error->condition, "bad-request");
}

TEST_F(Bridge2SimulatorTest, GracefulShutdownFromControlRefusesNewConferences) {
    startAndJoin();
    bridgesim2::ControlRequest gs;
    gs.gracefulShutdown = true;
    auto state = control(gs);
    ASSERT_TRUE(state && state->payload);
    EXPECT_TRUE(bridgesim2::parseState(*state->payload)->stats.gracefulShutdown);
    EXPECT_EQ(statsOf(*channel_.take("presence")).gracefulShutdown, true);
    auto refused = ask(IqType::Get, test::createConference("m1", "e1").toElement());
    ASSERT_TRUE(refused && refused->error);
    EXPECT_EQ(refused->error->condition, "service-unavailable");
}

TEST_F(Bridge2SimulatorTest, SilentSwallowsAllButControlAndListing) {
    options_.state.switches.silent = true;
    startAndJoin();
    EXPECT_FALSE(ask(IqType::Get, colibri2::HealthCheck{}.toElement()));
    EXPECT_FALSE(ask(IqType::Get, test::createConference("m1", "e1").toElement()));
    EXPECT_EQ(listing().requests, 0u);
    bridgesim2::ControlRequest loud;
    loud.silent = false;
    control(loud);
    EXPECT_TRUE(ask(IqType::Get, colibri2::HealthCheck{}.toElement()));
}

TEST_F(Bridge2SimulatorTest, DelayHoldsAnswers) {
    options_.state.switches.delayMs = 300;
    startAndJoin();
    EXPECT_FALSE(ask(IqType::Get, colibri2::HealthCheck{}.toElement()));
    loop_.advance(std::chrono::milliseconds(299));
    EXPECT_FALSE(channel_.take("iq"));
    loop_.advance(std::chrono::milliseconds(1));
    EXPECT_TRUE(channel_.take("iq"));
}

TEST_F(Bridge2SimulatorTest, LeaveAndRejoinTheBrewery) {
    startAndJoin();
    bridgesim2::ControlRequest leave;
    leave.leave = true;
    leave.rejoinAfterMs = 1000;
    control(leave);
    auto gone = channel_.take("presence");
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->attr("type"), "unavailable");
    EXPECT_FALSE(sim_->inBrewery());
    loop_.advance(std::chrono::milliseconds(999));
    EXPECT_FALSE(channel_.take("presence"));
    loop_.advance(std::chrono::milliseconds(1));
    auto back = channel_.take("presence");
    ASSERT_TRUE(back);
    EXPECT_NE(back->child("x", ns::kMuc), nullptr);
}

TEST_F(Bridge2SimulatorTest, BreweryRefusalIsLoggedAndNotJoined) {
    sim_ = std::make_unique<Bridge2Simulator>(channel_, loop_, options_);
    sim_->onConnected(kSelf);
    channel_.clear();
    xml::Element err = makePresence(kSelf, "error");
    err.setAttr("from", sim_->occupantJid().str());
    err.addChild(StanzaError::of("conflict").toElement());
    sim_->onStanza(err);
    EXPECT_FALSE(sim_->inBrewery());
}

TEST_F(Bridge2SimulatorTest, BadControlIsBadRequest) {
    startAndJoin();
    xml::Element c("control", bridgesim2::kBridgeSim2Ns);
    c.setAttr("stress-level", "lots");
    auto reply = ask(IqType::Set, c);
    ASSERT_TRUE(reply && reply->error);
    EXPECT_EQ(reply->error->condition, "bad-request");
}

}  // namespace
