#include <gtest/gtest.h>

#include "xmpp/Backoff.h"

using jicofo::util::Duration;
using jicofo::xmpp::Backoff;

TEST(Backoff, DoublesFromMinUpToTheCap) {
    Backoff b(Duration(500), Duration(10000));
    std::vector<long> got;
    for (int i = 0; i < 8; ++i) got.push_back(static_cast<long>(b.next().count()));
    EXPECT_EQ((std::vector<long>{500, 1000, 2000, 4000, 8000, 10000, 10000, 10000}), got);
}

TEST(Backoff, ResetStartsOverAfterASuccessfulLogin) {
    Backoff b(Duration(500), Duration(10000));
    for (int i = 0; i < 5; ++i) b.next();
    b.reset();
    EXPECT_EQ(500, b.next().count());
    EXPECT_EQ(1000, b.next().count());
}

TEST(Backoff, StaysAtTheCapForever) {
    Backoff b(Duration(1), Duration(10000));
    for (int i = 0; i < 200; ++i) b.next();
    EXPECT_EQ(10000, b.next().count());
}

TEST(Backoff, MaxBelowMinMeansFixedDelay) {
    Backoff b(Duration(700), Duration(100));
    EXPECT_EQ(700, b.next().count());
    EXPECT_EQ(700, b.next().count());
}
