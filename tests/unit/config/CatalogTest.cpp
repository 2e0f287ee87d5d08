#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "config/Catalog.h"
#include "config/ConfigLoader.h"
#include "log/Log.h"

using namespace jicofo::config;

TEST(Catalog, UsageListsEveryFlagAndProperty) {
    std::string text = usage("jicofo");
    EXPECT_EQ(text.rfind("Usage: jicofo ", 0), 0u);
    for (const auto& f : flagCatalog())
        EXPECT_NE(text.find(std::string("--") + f.name), std::string::npos) << f.name;
    for (const auto* list : {&propertyCatalog(), &systemPropertyCatalog()})
        for (const auto& p : *list) EXPECT_NE(text.find(p.name), std::string::npos) << p.name;
    EXPECT_NE(text.find("JICOFO_SECRET"), std::string::npos);
    EXPECT_NE(text.find("JICOFO_AUTH_PASSWORD"), std::string::npos);
}

TEST(Catalog, SampleFileDocumentsEveryPropertyCommentedOut) {
    std::ifstream in(std::string(JICOFO_SOURCE_DIR) + "/sip-communicator.properties.sample");
    ASSERT_TRUE(in) << "sip-communicator.properties.sample missing at the repository root";
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& p : propertyCatalog())
        EXPECT_NE(text.str().find(std::string("#") + p.name + "="), std::string::npos) << p.name;
    // Loading the sample as it ships changes nothing: every line is a comment.
    std::istringstream lines(text.str());
    std::string line;
    while (std::getline(lines, line)) {
        auto first = line.find_first_not_of(" \t");
        EXPECT_TRUE(first == std::string::npos || line[first] == '#') << line;
    }
}

TEST(Catalog, LogLevelNamesMatchTheLogger) {
    jicofo::log::Severity s;
    for (const char* name :
         {"TRACE", "debug", "Info", "WARNING", "warn", "ERROR", "SEVERE", "FINE", "FINEST", "OFF"}) {
        EXPECT_TRUE(isLogLevelName(name)) << name;
        EXPECT_TRUE(jicofo::log::parseSeverity(name, s)) << name;
    }
    EXPECT_FALSE(isLogLevelName("LOUD"));
    EXPECT_FALSE(jicofo::log::parseSeverity("LOUD", s));
}
