// Colibri2 error answers (docs/media.md §2b's error table): each reason with the condition the bridge uses,
// read from the goldens, built in code and read back, and through the IQ's StanzaError.
#include <gtest/gtest.h>

#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/stanza/Stanza.h"
#include "unit/protocol/jingle/JingleTestUtil.h"

using namespace jicofo;
using namespace jicofo::protocol::colibri2;

namespace {

struct ErrorCase {
    const char* file;
    const char* condition;
    std::optional<Colibri2Reason> reason;
    const char* textPart;
};

class Colibri2Errors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(Colibri2Errors, ReadFromTheErrorElementAndTheIq) {
    const ErrorCase& c = GetParam();
    xml::Element iq = test::golden(std::string("colibri2/") + c.file);
    auto e = Colibri2Error::parse(*iq.child("error"));
    ASSERT_TRUE(e) << e.error().text;
    EXPECT_EQ(e->stanza.condition, c.condition);
    EXPECT_EQ(e->reason, c.reason);
    EXPECT_NE(e->stanza.text.find(c.textPart), std::string::npos) << e->stanza.text;

    auto parsedIq = protocol::Iq::parse(iq);
    ASSERT_TRUE(parsedIq && parsedIq->error);
    auto viaIq = Colibri2Error::fromStanzaError(*parsedIq->error);
    ASSERT_TRUE(viaIq) << viaIq.error().text;
    EXPECT_EQ(viaIq->reason, c.reason);
    EXPECT_EQ(viaIq->stanza.condition, c.condition);
}

INSTANTIATE_TEST_SUITE_P(
    Goldens, Colibri2Errors,
    ::testing::Values(
        ErrorCase{"error-conference-not-found.xml", "item-not-found", Colibri2Reason::ConferenceNotFound,
                  "Conference not found"},
        ErrorCase{"error-conference-already-exists.xml", "conflict", Colibri2Reason::ConferenceAlreadyExists,
                  "already exists"},
        ErrorCase{"error-unknown-endpoint.xml", "item-not-found", Colibri2Reason::UnknownEndpoint,
                  "79f0273e"},
        ErrorCase{"error-graceful-shutdown.xml", "service-unavailable", Colibri2Reason::GracefulShutdown,
                  "graceful shutdown"},
        ErrorCase{"error-feature-not-implemented.xml", "feature-not-implemented",
                  Colibri2Reason::FeatureNotImplemented, "SCTP role"},
        ErrorCase{"error-source-names-mandatory.xml", "bad-request", std::nullopt, "Source name support"},
        ErrorCase{"error-no-transport.xml", "bad-request", std::nullopt, "with no <transport>"}));

TEST(Colibri2Errors, UnknownEndpointNamesTheEndpoint) {
    xml::Element iq = test::golden("colibri2/error-unknown-endpoint.xml");
    auto e = Colibri2Error::parse(*iq.child("error"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->endpointId, "79f0273e");
}

TEST(Colibri2Errors, BuiltErrorsReadBack) {
    for (const Colibri2Error& built :
         {Colibri2Error::conferenceNotFound("m1"), Colibri2Error::conferenceAlreadyExists("m1"),
          Colibri2Error::unknownEndpoint("e1"), Colibri2Error::gracefulShutdown(),
          Colibri2Error::featureNotImplemented("no relays"), Colibri2Error::badRequest("no transport")}) {
        auto back = Colibri2Error::parse(built.toElement());
        ASSERT_TRUE(back) << back.error().text;
        EXPECT_EQ(back->stanza.condition, built.stanza.condition);
        EXPECT_EQ(back->stanza.type, built.stanza.type);
        EXPECT_EQ(back->stanza.text, built.stanza.text);
        EXPECT_EQ(back->reason, built.reason);
        EXPECT_EQ(back->endpointId, built.endpointId);
    }
    EXPECT_EQ(Colibri2Error::gracefulShutdown().stanza.condition, "service-unavailable");
    EXPECT_EQ(Colibri2Error::conferenceAlreadyExists("m").stanza.condition, "conflict");
    EXPECT_FALSE(Colibri2Error::badRequest("x").toStanzaError().appSpecific);
    auto gs = Colibri2Error::gracefulShutdown().toStanzaError();
    ASSERT_TRUE(gs.appSpecific);
    EXPECT_EQ(gs.appSpecific->attr("reason"), "graceful_shutdown");
}

TEST(Colibri2Errors, ReasonNames) {
    EXPECT_EQ(parseReason("CONFERENCE_NOT_FOUND"), Colibri2Reason::ConferenceNotFound);
    EXPECT_EQ(parseReason("unspecified"), Colibri2Reason::Unspecified);
    EXPECT_FALSE(parseReason("nope"));
    EXPECT_STREQ(toString(Colibri2Reason::UnknownEndpoint), "unknown_endpoint");
}

}  // namespace
