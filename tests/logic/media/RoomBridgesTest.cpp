// Rooms on both bridge generations at once (issue 13 §2): RoomBridges puts each room whole on a 2015 bridge
// (disco) or a brewery bridge (Colibri2), spreads new rooms over the generations, and falls back to the other
// generation when its own has no bridge.
#include <gtest/gtest.h>

#include "bridge/Brewery.h"
#include "bridge/Colibri2Expiry.h"
#include "conference/RoomBridges.h"
#include "logic/bridge/AllocatorHarness.h"
#include "protocol/colibri2/BreweryStats.h"
#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/colibri2/ConferenceModified.h"

using namespace jicofo;
using namespace jicofo::test;
using namespace std::chrono_literals;

namespace {

const char* kBrewery = "jvbbrewery@internal.auth.example.com";

class RoomBridgesTest : public ::testing::Test {
  protected:
    using Outcome = util::Result<bridge::Allocation, protocol::StanzaError>;

    RoomBridgesTest() {
        h.client.sent().clear();
        brewery.start();
        presence("focus", false, true);
        media.colibri2 = &c2ctx;
    }
    static bridge::BrewerySettings settings() {
        bridge::BrewerySettings s;
        s.room = bjid(kBrewery);
        s.healthChecks = false;
        return s;
    }
    std::string occupant(const std::string& nick) { return std::string(kBrewery) + "/" + nick; }
    void presence(const std::string& nick, bool stats, bool self = false) {
        xml::Element p = protocol::makePresence(h.client.localJid());
        p.setAttr("from", occupant(nick));
        auto& x = p.addChild("x", protocol::ns::kMucUser);
        x.addChild("item").setAttr("affiliation", "none").setAttr("role", "participant");
        if (self) x.addChild("status").setAttr("code", "110");
        if (stats) {
            protocol::colibri2::BreweryStats s;
            s.stressLevel = 0.1;
            s.drain = false;
            p.children().push_back(s.toElement());
        }
        EXPECT_TRUE(brewery.handlePresence(p));
        h.loop.runPending();
    }
    std::unique_ptr<conference::RoomBridges> room(const std::string& jid) {
        return std::make_unique<conference::RoomBridges>(media, bjid(jid), &lost);
    }
    void allocate(conference::RoomBridges& r, const std::string& endpoint) {
        r.allocate(endpoint, AllocatorHarness::offerTemplate(), AllocatorHarness::options(), std::nullopt,
                   [this, endpoint](Outcome o) { outcomes.insert_or_assign(endpoint, o); });
        h.loop.runPending();
    }
    // Answers the first pending Colibri2 request to that bridge, creating `endpoint`.
    void answerColibri2(const std::string& nick, const std::string& endpoint) {
        auto reqs = h.takeIqs(occupant(nick), "conference-modify", protocol::colibri2::ns::kColibri2, 1);
        ASSERT_EQ(reqs.size(), 1u);
        protocol::colibri2::ConferenceModified res;
        protocol::colibri2::Endpoint ep;
        ep.id = endpoint;
        ep.transport = protocol::colibri2::Colibri2Transport{};
        protocol::jingle::Transport ice;
        ice.ufrag = "u";
        ice.pwd = "p";
        ep.transport->ice = ice;
        res.endpoints.push_back(ep);
        h.reply(reqs[0], res.toElement());
    }
    std::size_t colibri2Requests(const std::string& nick) {
        return h.takeIqs(occupant(nick), "conference-modify", protocol::colibri2::ns::kColibri2).size();
    }

    AllocatorHarness h{{AllocatorHarness::kJvb1}};
    bridge::Brewery brewery{h.loop, h.client, h.router, settings()};
    bridge::Colibri2Expiry expiry{h.loop, h.client, h.router, brewery, {}};
    bridge::Colibri2Context c2ctx{h.loop, h.client, h.router, brewery, expiry, 20s};
    conference::MediaContext media{h.ctx, h.registry};
    RecordingAllocatorListener lost;
    std::map<std::string, Outcome> outcomes;
};

TEST_F(RoomBridgesTest, NewRoomsAreSpreadOverBothGenerationsAndStayWhole) {
    presence("jvb1", true);
    auto r1 = room("r1@conference.example.com");
    allocate(*r1, "alice");
    allocate(*r1, "bob");
    EXPECT_EQ(h.countIqs(occupant("jvb1")), 1u) << "alice creates the conference; bob waits for it";
    EXPECT_TRUE(h.allocateRequests(AllocatorHarness::kJvb1).empty()) << "the room is whole on one bridge";

    // r1 holds endpoints on the Colibri2 bridge now: the next room goes to the 2015 bridge.
    answerColibri2("jvb1", "alice");
    ASSERT_TRUE(outcomes.count("alice") && outcomes.at("alice").ok());
    EXPECT_TRUE(outcomes.at("alice")->colibri2);
    EXPECT_EQ(media.roomsPerGeneration.colibri2, 1u);
    auto r2 = room("r2@conference.example.com");
    allocate(*r2, "carol");
    EXPECT_EQ(h.allocateRequests(AllocatorHarness::kJvb1).size(), 1u) << "r2 on the 2015 bridge";
    EXPECT_EQ(colibri2Requests("jvb1"), 1u) << "only bob, in r1's conference";
}

TEST_F(RoomBridgesTest, NoBridgeOfOneGenerationFallsBackToTheOther) {
    presence("jvb1", true);
    auto r1 = room("r1@conference.example.com");
    allocate(*r1, "alice");
    ASSERT_EQ(colibri2Requests("jvb1"), 1u);
    h.loop.advance(21s);  // the brewery bridge never answers: marked failed, no other brewery bridge
    auto v1 = h.allocateRequests(AllocatorHarness::kJvb1);
    ASSERT_EQ(v1.size(), 1u) << "alice goes to the 2015 bridge";
    h.answer(h.jvb1, v1[0]);
    ASSERT_TRUE(outcomes.count("alice") && outcomes.at("alice").ok());
    EXPECT_FALSE(outcomes.at("alice")->colibri2);
    EXPECT_EQ(r1->bridgesInUse(), std::vector<util::Jid>{bjid(AllocatorHarness::kJvb1)});
    EXPECT_EQ(media.roomsPerGeneration.colibri1, 1u);
    r1.reset();
    EXPECT_EQ(media.roomsPerGeneration.colibri1, 0u);
}

}  // namespace
