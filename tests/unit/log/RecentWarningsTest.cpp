// The operator page's "last warnings": the newest WARNING and ERROR lines, formatted as the log prints them.
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "log/Log.h"
#include "log/LogSetup.h"
#include "log/RecentWarnings.h"

namespace logging = jicofo::log;

namespace {

class RecentWarningsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        old_ = std::clog.rdbuf(sink_.rdbuf());  // keep the console sink's lines out of the test output
        ASSERT_FALSE(logging::setup(logging::LogSettings{}));
        logging::clearRecentWarnings();
    }
    void TearDown() override {
        logging::shutdown();
        std::clog.rdbuf(old_);
    }
    std::ostringstream sink_;
    std::streambuf* old_ = nullptr;
};

TEST_F(RecentWarningsTest, KeepsWarningsAndErrorsWithTheirRoomButNotInfo) {
    JLOG(info) << "just info";
    JLOG_ROOM(warning, "r1@conference.example.com") << "bridge slow";
    JLOG(error) << "stream lost";
    auto lines = logging::recentWarnings();
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE(lines[0].find("WARNING"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("[room=r1@conference.example.com] bridge slow"), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find("ERROR"), std::string::npos);
    EXPECT_NE(lines[1].find("stream lost"), std::string::npos);
}

TEST_F(RecentWarningsTest, KeepsOnlyTheNewestOnes) {
    for (std::size_t i = 0; i < logging::kRecentWarnings + 5; ++i) JLOG(warning) << "warning number " << i;
    auto lines = logging::recentWarnings();
    ASSERT_EQ(lines.size(), logging::kRecentWarnings);
    EXPECT_NE(lines.front().find("warning number 5"), std::string::npos) << lines.front();
    EXPECT_NE(lines.back().find("warning number " + std::to_string(logging::kRecentWarnings + 4)),
              std::string::npos);
}

TEST_F(RecentWarningsTest, SurvivesASecondSetupAndFollowsTheLevel) {
    JLOG(warning) << "before";
    logging::LogSettings errorsOnly;
    errorsOnly.level = "ERROR";
    ASSERT_FALSE(logging::setup(errorsOnly));
    JLOG(warning) << "filtered by the level";
    JLOG(error) << "after";
    auto lines = logging::recentWarnings();
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE(lines[0].find("before"), std::string::npos);
    EXPECT_NE(lines[1].find("after"), std::string::npos);
}

}  // namespace
