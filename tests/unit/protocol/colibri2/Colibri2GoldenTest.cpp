// Colibri2 goldens (docs/media.md §1.5, §2b) parse and serialise back unchanged; every bad golden is refused
// with bad-request and a text naming the problem.
#include <gtest/gtest.h>

#include "protocol/colibri2/BreweryStats.h"
#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/colibri2/ConferenceModified.h"
#include "protocol/colibri2/ConferenceModify.h"
#include "protocol/colibri2/HealthCheck.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol::colibri2;

namespace {

// Parses and serialises back whichever Colibri2 element the golden holds.
::testing::AssertionResult roundTrips(const xml::Element& in) {
    auto check = [&](auto parsed) -> ::testing::AssertionResult {
        if (!parsed) return ::testing::AssertionFailure() << parsed.error().text;
        return test::sameXml(parsed->toElement(), in);
    };
    if (ConferenceModify::isConferenceModify(in)) return check(ConferenceModify::parse(in));
    if (ConferenceModified::isConferenceModified(in)) return check(ConferenceModified::parse(in));
    if (HealthCheck::isHealthCheck(in)) return check(HealthCheck::parse(in));
    if (BreweryStats::isStats(in)) return check(BreweryStats::parse(in));
    return ::testing::AssertionFailure() << "unexpected golden element <" << in.name() << ">";
}

class Colibri2RoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(Colibri2RoundTrip, ParsesAndSerialisesBackUnchanged) {
    EXPECT_TRUE(roundTrips(test::goldenPayload(std::string("colibri2/") + GetParam())));
}

INSTANTIATE_TEST_SUITE_P(Goldens, Colibri2RoundTrip,
                         ::testing::Values("create-request.xml", "create-response.xml", "update-request.xml",
                                           "update-response.xml", "expire-endpoint.xml",
                                           "expire-endpoint-response.xml", "expire-conference.xml",
                                           "force-mute-update.xml", "healthcheck.xml"));

TEST(Colibri2RoundTrip, BreweryPresenceStats) {
    xml::Element presence = test::golden("colibri2/brewery-presence.xml");
    const xml::Element* stats = BreweryStats::findIn(presence);
    ASSERT_NE(stats, nullptr);
    EXPECT_TRUE(roundTrips(*stats));
}

struct BadCase {
    const char* file;
    const char* textPart;
};

class Colibri2Bad : public ::testing::TestWithParam<BadCase> {};

protocol::StanzaError parseError(const xml::Element& in) {
    if (ConferenceModify::isConferenceModify(in)) return ConferenceModify::parse(in).error();
    if (ConferenceModified::isConferenceModified(in)) return ConferenceModified::parse(in).error();
    if (BreweryStats::isStats(in)) return BreweryStats::parse(in).error();
    return Colibri2Error::parse(in).error();
}

TEST_P(Colibri2Bad, RefusedWithBadRequest) {
    xml::Element in = test::goldenPayload(std::string("colibri2/bad/") + GetParam().file);
    protocol::StanzaError error = parseError(in);
    EXPECT_EQ(error.condition, "bad-request");
    EXPECT_EQ(error.type, "modify");
    EXPECT_NE(error.text.find(GetParam().textPart), std::string::npos) << error.text;
}

INSTANTIATE_TEST_SUITE_P(
    Goldens, Colibri2Bad,
    ::testing::Values(BadCase{"conference-modify-without-meeting-id.xml", "'meeting-id'"},
                      BadCase{"conference-modify-name-not-bare.xml", "not a bare JID"},
                      BadCase{"conference-modify-bad-create.xml", "create='yes'"},
                      BadCase{"endpoint-without-id.xml", "<endpoint> lacks the 'id'"},
                      BadCase{"media-without-type.xml", "<media> lacks the 'type'"},
                      BadCase{"media-payload-type-id-too-big.xml", "id='300'"},
                      BadCase{"media-source-unknown-type.xml", "type='screen'"},
                      BadCase{"media-source-without-id.xml", "<media-source> lacks the 'id'"},
                      BadCase{"media-source-source-without-ssrc.xml", "lacks the 'ssrc'"},
                      BadCase{"ssrc-group-ssrc-not-a-number.xml", "ssrc='two'"},
                      BadCase{"transport-bad-ice-controlling.xml", "ice-controlling='maybe'"},
                      BadCase{"sctp-bad-role.xml", "role='peer'"},
                      BadCase{"sctp-port-too-big.xml", "port='70000'"},
                      BadCase{"candidate-without-ip.xml", "'ip'"},
                      BadCase{"web-socket-without-url.xml", "'url'"},
                      BadCase{"feedback-source-without-type.xml", "<media-source> lacks the 'type'"},
                      BadCase{"force-mute-not-boolean.xml", "audio='muted'"},
                      BadCase{"capability-without-name.xml", "<capability> lacks the 'name'"},
                      BadCase{"error-unknown-reason.xml", "bridge_on_fire"},
                      BadCase{"error-without-condition.xml", "without a defined condition"},
                      BadCase{"stats-stress-not-a-number.xml", "stress_level='high'"},
                      BadCase{"stats-drain-not-boolean.xml", "drain='soon'"},
                      BadCase{"stats-stress-infinite.xml", "stress_level='inf'"},
                      BadCase{"stat-without-name.xml", "<stat> lacks the 'name'"}));

}  // namespace
