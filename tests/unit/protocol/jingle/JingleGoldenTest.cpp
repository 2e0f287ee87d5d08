// Every Jingle golden parses and serialises back to an equal element; every bad one is refused with
// bad-request and a text that names the problem.
#include <gtest/gtest.h>

#include "protocol/jingle/Jingle.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using protocol::jingle::Jingle;

namespace {

class JingleRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(JingleRoundTrip, ParsesAndSerialisesBackUnchanged) {
    const std::string file = std::string("jingle/") + GetParam();
    xml::Element in = test::goldenPayload(file);
    auto j = Jingle::parse(in);
    ASSERT_TRUE(j) << j.error().text;
    EXPECT_TRUE(test::sameXml(j->toElement(), in));
}

INSTANTIATE_TEST_SUITE_P(
    Goldens, JingleRoundTrip,
    ::testing::Values("lib-jitsi-meet-1.0.6-session-accept.xml", "lib-jitsi-meet-1.0.6-transport-info.xml",
                      "lib-jitsi-meet-2020-unified-session-accept.xml",
                      "lib-jitsi-meet-2020-unified-transport-info.xml", "session-accept-2015.xml",
                      "transport-info-2015.xml", "source-add-client-bb22.xml", "source-add-focus.xml",
                      "removesource-legacy.xml", "session-terminate.xml", "session-initiate-bundle.xml",
                      "two-groups.xml", "session-terminate-restart.xml", "session-info-ice-failed.xml",
                      "source-add-json.xml"));

struct BadCase {
    const char* file;
    const char* textPart;  // the error text must say what is wrong
};

class JingleBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(JingleBad, RefusedWithBadRequest) {
    auto j = Jingle::parse(test::goldenPayload(std::string("jingle/bad/") + GetParam().file));
    ASSERT_FALSE(j);
    EXPECT_EQ(j.error().condition, "bad-request");
    EXPECT_EQ(j.error().type, "modify");
    EXPECT_NE(j.error().text.find(GetParam().textPart), std::string::npos) << j.error().text;
}

INSTANTIATE_TEST_SUITE_P(
    Goldens, JingleBad,
    ::testing::Values(
        BadCase{"missing-sid.xml", "'sid'"}, BadCase{"missing-action.xml", "'action'"},
        BadCase{"unknown-action.xml", "session-dance"}, BadCase{"ssrc-not-a-number.xml", "12ab"},
        BadCase{"ssrc-too-big.xml", "4294967296"}, BadCase{"ssrc-negative.xml", "-5"},
        BadCase{"source-without-ssrc.xml", "ssrc"}, BadCase{"group-without-sources.xml", "no sources"},
        BadCase{"group-without-semantics.xml", "semantics"}, BadCase{"negative-port.xml", "port='-1'"},
        BadCase{"candidate-without-ip.xml", "'ip'"}, BadCase{"content-without-name.xml", "'name'"},
        BadCase{"payload-type-id-out-of-range.xml", "id='128'"},
        BadCase{"parameter-without-name.xml", "'name'"},
        BadCase{"sctpmap-number-not-a-number.xml", "number='five'"},
        BadCase{"fingerprint-required-not-boolean.xml", "maybe"},
        BadCase{"reason-without-condition.xml", "condition"},
        // A second single-use child: which one counted depended on the order (found by
        // fuzzing: they swapped places when written back, and a second ssrc-info owner was
        // relayed to peers as it came).
        BadCase{"second-transport.xml", "second <transport>"},
        BadCase{"second-description.xml", "second <description>"},
        BadCase{"second-ssrc-info.xml", "second <ssrc-info>"},
        BadCase{"second-reason.xml", "second <reason>"}, BadCase{"bridge-session-bad-restart.xml", "maybe"},
        BadCase{"ice-state-empty.xml", "without a state"},
        BadCase{"two-json-messages.xml", "second <json-message>"}));

// XEP-0338 allows several groups (LS beside BUNDLE): all kept, together and in order, behind unknown
// children.
TEST(JingleParse, KeepsEveryGroupInOrder) {
    auto j = Jingle::parse(test::goldenPayload("jingle/two-groups.xml"));
    ASSERT_TRUE(j) << j.error().text;
    ASSERT_TRUE(j->group);
    EXPECT_EQ(j->group->semantics, "BUNDLE");
    ASSERT_EQ(j->moreGroups.size(), 1u);
    EXPECT_EQ(j->moreGroups.front().semantics, "LS");
    auto again = Jingle::parse(j->toElement());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->group->semantics, "BUNDLE");
}

TEST(JingleParse, RefusesOtherElements) {
    xml::Element notJingle("jingle", "urn:xmpp:jingle:0");
    auto j = Jingle::parse(notJingle);
    ASSERT_FALSE(j);
    EXPECT_EQ(j.error().condition, "bad-request");
}

}  // namespace
