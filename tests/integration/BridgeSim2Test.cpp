// The modern bridge simulator (tests/bridgesim2) as its own process behind a real Prosody: it logs in as
// jvb@auth.DOMAIN, sits in the brewery MUC with its stats, and answers healthcheck and Colibri2
// conference-modify sent through the MUC by a test client that joined the brewery as the focus would.
#include <gtest/gtest.h>

#include <functional>

#include "protocol/colibri2/BreweryStats.h"
#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/colibri2/ConferenceModified.h"
#include "protocol/colibri2/HealthCheck.h"
#include "protocol/muc/MucPresence.h"
#include "protocol/stanza/Namespaces.h"
#include "support/BridgeSim2Process.h"
#include "support/FocusProcess.h"
#include "support/ProsodyFixture.h"
#include "support/TestClient.h"
#include "unit/bridgesim2/Bridge2TestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol;
using test::BridgeSim2Process;

namespace {

class BridgeSim2Test : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        prosody_ = std::make_unique<test::ProsodyFixture>();
        prosody_->registerUser("jvb", prosody_->authDomain(), "jvbpass");
    }
    static void TearDownTestSuite() { prosody_.reset(); }

    std::unique_ptr<BridgeSim2Process> startBridge(const std::string& nick,
                                                   std::vector<std::string> args = {}) {
        BridgeSim2Process::Options o;
        o.nick = nick;
        o.extraArgs = std::move(args);
        auto b = std::make_unique<BridgeSim2Process>(*prosody_, o);
        EXPECT_TRUE(b->waitJoined()) << b->log() << prosody_->logTail();
        return b;
    }
    // The focus user joins the brewery as "focus"; returns once its self-presence came.
    void joinBrewery() {
        focus_ = test::TestClient::user(*prosody_, prosody_->focusUser(), prosody_->focusPassword());
        self_ = *util::Jid::parse(prosody_->breweryRoom() + "/focus");
        focus_->send(makeMucJoin(self_, {}));
        auto joined = focus_->waitFor(
            [&](const xml::Element& s) { return s.name() == "presence" && fromOf(s) == self_; });
        ASSERT_TRUE(joined) << prosody_->logTail();
    }
    // The next presence of that occupant (that also satisfies pred, when given).
    std::optional<xml::Element> presenceOf(const util::Jid& occupant,
                                           std::function<bool(const xml::Element&)> pred = {},
                                           util::Duration timeout = util::Duration(10000)) {
        return focus_->waitFor(
            [&](const xml::Element& s) {
                return s.name() == "presence" && fromOf(s) == occupant && (!pred || pred(s));
            },
            timeout);
    }
    static bool unavailable(const xml::Element& p) { return p.attr("type") == "unavailable"; }
    static colibri2::BreweryStats statsOf(const xml::Element& presence) {
        const xml::Element* s = colibri2::BreweryStats::findIn(presence);
        if (!s) {
            ADD_FAILURE() << "presence without stats: " << presence.toString();
            return {};
        }
        auto parsed = colibri2::BreweryStats::parse(*s);
        EXPECT_TRUE(parsed);
        return parsed ? *parsed : colibri2::BreweryStats{};
    }
    xml::Element ask(const util::Jid& to, IqType type, xml::Element payload) {
        return focus_->request(Iq::request(type, to, std::move(payload)));
    }

    static std::unique_ptr<test::ProsodyFixture> prosody_;
    std::unique_ptr<test::TestClient> focus_;
    util::Jid self_;
};

std::unique_ptr<test::ProsodyFixture> BridgeSim2Test::prosody_;

TEST_F(BridgeSim2Test, JoinsTheBreweryAndAnswersColibri2ThroughTheMuc) {
    auto bridge = startBridge("jvb1", {"--region=eu-west", "--stress-level=0.3"});
    joinBrewery();
    // The bridge's presence, already in the room, came before our self-presence.
    auto presence = presenceOf(bridge->occupantJid());
    ASSERT_TRUE(presence);
    colibri2::BreweryStats stats = statsOf(*presence);
    EXPECT_EQ(stats.region, "eu-west");
    EXPECT_DOUBLE_EQ(stats.stressLevel.value_or(-1), 0.3);
    EXPECT_EQ(stats.colibri2, true);
    auto occupant = MucPresence::parse(*presence);
    ASSERT_TRUE(occupant);
    EXPECT_EQ(occupant->realJid, bridge->fullJid());  // public JIDs in the brewery

    auto health = Iq::parse(ask(bridge->occupantJid(), IqType::Get, colibri2::HealthCheck{}.toElement()));
    ASSERT_TRUE(health);
    EXPECT_EQ(health->type, IqType::Result);

    auto created =
        Iq::parse(ask(bridge->occupantJid(), IqType::Get, test::createConference("m1", "e1").toElement()));
    ASSERT_TRUE(created && created->type == IqType::Result && created->payload);
    auto modified = colibri2::ConferenceModified::parse(*created->payload);
    ASSERT_TRUE(modified) << modified.error().text;
    const colibri2::Endpoint* ep = modified->endpoint("e1");
    ASSERT_TRUE(ep && ep->transport && ep->transport->ice);
    EXPECT_EQ(ep->transport->ice->candidates.at(0).ip, "127.0.0.1");
    EXPECT_EQ(ep->transport->ice->fingerprints.at(0).setup, "actpass");
    EXPECT_EQ(ep->transport->sctp->port, 5000);
    ASSERT_TRUE(modified->sources);
    EXPECT_NE(modified->sources->find("jvb-v0"), nullptr);

    // Errors come back through the MUC with their Colibri2 reason.
    xml::Element dup =
        ask(bridge->occupantJid(), IqType::Set, test::createConference("m1", "e2").toElement());
    ASSERT_NE(dup.child("error"), nullptr) << dup.toString();
    auto dupError = colibri2::Colibri2Error::parse(*dup.child("error"));
    ASSERT_TRUE(dupError);
    EXPECT_TRUE(dupError->is(colibri2::Colibri2Reason::ConferenceAlreadyExists));

    auto l = bridge->listing(*focus_);
    ASSERT_NE(l.byMeetingId("m1"), nullptr);
    EXPECT_EQ(l.byMeetingId("m1")->focus, self_.str());  // the request came from the focus's occupant JID
    EXPECT_EQ(l.byMeetingId("m1")->endpoint("e1")->sourceNames(),
              (std::vector<std::string>{"e1-a0", "e1-v0"}));

    // The last endpoint leaves: the bridge expires the conference by itself.
    colibri2::ConferenceModify expire = test::modify("m1");
    expire.addEndpoint("e1").expire = true;
    auto expired = Iq::parse(ask(bridge->occupantJid(), IqType::Set, expire.toElement()));
    ASSERT_TRUE(expired && expired->type == IqType::Result);
    l = bridge->listing(*focus_);
    EXPECT_EQ(l.byMeetingId("m1"), nullptr);
    ASSERT_EQ(l.eventsOf("conference-expire").size(), 1u);
    EXPECT_EQ(l.eventsOf("conference-expire")[0].detail, "empty");
}

TEST_F(BridgeSim2Test, StatsChangesAndLeavingAreSeenInTheBrewery) {
    auto bridge = startBridge("jvb2");
    joinBrewery();
    ASSERT_TRUE(presenceOf(bridge->occupantJid()));
    bridgesim2::ControlRequest drain;
    drain.drain = true;
    EXPECT_TRUE(bridge->control(*focus_, drain).stats.drain);
    // A stats presence may already be on its way: wait for the one that shows the change.
    auto drained = presenceOf(bridge->occupantJid(), [](const xml::Element& p) {
        return !unavailable(p) && statsOf(p).drain == true;
    });
    ASSERT_TRUE(drained);

    bridgesim2::ControlRequest leave;
    leave.leave = true;
    leave.rejoinAfterMs = 200;
    bridge->control(*focus_, leave);
    ASSERT_TRUE(presenceOf(bridge->occupantJid(), unavailable));
    auto back = presenceOf(bridge->occupantJid());
    ASSERT_TRUE(back);
    EXPECT_FALSE(unavailable(*back));
    EXPECT_EQ(statsOf(*back).drain, true);
    EXPECT_TRUE(bridge->waitJoined(2));

    bridge->kill();  // a crashed bridge: Prosody removes it from the room
    EXPECT_TRUE(presenceOf(bridge->occupantJid(), unavailable));
}

// The focus binary with BRIDGE_MUC: it joins the brewery, finds the bridge, health-checks it through the MUC
// and sees it leave.
TEST_F(BridgeSim2Test, TheFocusFindsTheBridgeInTheBreweryAndChecksItsHealth) {
    auto bridge = startBridge("jvb3", {"--region=us-east"});
    test::FocusProcess focus(*prosody_, {"-Dorg.jitsi.jicofo.BRIDGE_MUC=" + prosody_->breweryRoom(),
                                         "-Dorg.jitsi.jicofo.BRIDGE_HEALTH_CHECK_INTERVAL=200"});
    ASSERT_TRUE(focus.waitReady()) << focus.log();
    const std::string bridgeLine = "brewery: bridge " + bridge->occupantJid().str();
    ASSERT_TRUE(focus.process().waitForLog(bridgeLine + " joined (region 'us-east'", 10000)) << focus.log();

    auto client = test::TestClient::anonymous(*prosody_);
    bridgesim2::ControlRequest health;
    health.healthy = false;
    bridge->control(*client, health);
    EXPECT_TRUE(focus.process().waitForLog(bridgeLine + " is unhealthy", 5000)) << focus.log();
    health.healthy = true;
    bridge->control(*client, health);
    EXPECT_TRUE(focus.process().waitForLog(bridgeLine + " is healthy again", 5000)) << focus.log();

    bridge->stop();
    EXPECT_TRUE(focus.process().waitForLog(bridgeLine + " left the brewery", 5000)) << focus.log();
}

}  // namespace
