#pragma once
// Helpers shared by the Jingle and Colibri protocol tests: golden payloads and their typed forms.
#include <gtest/gtest.h>

#include <string>

#include "protocol/colibri/ColibriConference.h"
#include "protocol/jingle/Jingle.h"
#include "support/Golden.h"

namespace jicofo::test {

// The first child of a golden stanza (the IQ payload), or the golden element itself when it is not a
// stanza (bad/ files hold bare payloads).
inline xml::Element goldenPayload(const std::string& relative) {
    xml::Element e = golden(relative);
    if ((e.name() == "iq" || e.name() == "message") && !e.children().empty()) return e.children().front();
    return e;
}

inline protocol::jingle::Jingle goldenJingle(const std::string& relative) {
    auto j = protocol::jingle::Jingle::parse(goldenPayload(relative));
    EXPECT_TRUE(j) << relative << ": " << (j ? "" : j.error().text);
    return j ? *j : protocol::jingle::Jingle{};
}

inline protocol::colibri::ColibriConference goldenConference(const std::string& relative) {
    auto c = protocol::colibri::ColibriConference::parse(goldenPayload(relative));
    EXPECT_TRUE(c) << relative << ": " << (c ? "" : c.error().text);
    return c ? *c : protocol::colibri::ColibriConference{};
}

// Canonical equality with both documents printed on failure.
inline ::testing::AssertionResult sameXml(const xml::Element& actual, const xml::Element& expected) {
    if (actual == expected) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "\nactual:   " << actual.toString() << "\nexpected: " << expected.toString();
}

}  // namespace jicofo::test
