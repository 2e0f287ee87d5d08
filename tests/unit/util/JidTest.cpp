#include <gtest/gtest.h>

#include "util/Jid.h"

using jicofo::util::Jid;

TEST(Jid, ParsesParts) {
    auto j = Jid::parse("MyRoom@Conference.Example.com/Focus");
    ASSERT_TRUE(j);
    EXPECT_EQ(j->node(), "myroom");
    EXPECT_EQ(j->domain(), "conference.example.com");
    EXPECT_EQ(j->resource(), "Focus");  // resources are case-sensitive
    EXPECT_EQ(j->bareStr(), "myroom@conference.example.com");
    EXPECT_EQ(j->str(), "myroom@conference.example.com/Focus");
}

TEST(Jid, DomainOnlyAndResourceWithSlash) {
    auto d = Jid::parse("focus.example.com");
    ASSERT_TRUE(d);
    EXPECT_TRUE(d->node().empty());
    auto r = Jid::parse("a@b/c/d");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->resource(), "c/d");
}

TEST(Jid, OneTrailingDotIsDroppedAndTheResultReadsBack) {
    auto j = Jid::parse("Room@Conference.Example.com./bob");
    ASSERT_TRUE(j);
    EXPECT_EQ(j->str(), "room@conference.example.com/bob");
    EXPECT_EQ(Jid::parse(j->str()), j);
    EXPECT_EQ(Jid::parse("example.com.")->str(), "example.com");
}

// Found by fuzzing: "a@b../c" parsed to "a@b./c", which parsed to "a@b/c" — three JIDs for one text.
TEST(Jid, RefusesEmptyDomainLabels) {
    for (const char* bad : {"a@b../c", "b..", "a@b..", "a@.b", ".b", "a..b", "a@b...c/r", "."})
        EXPECT_FALSE(Jid::parse(bad)) << bad;
}

TEST(Jid, RefusesMalformed) {
    for (const char* bad : {"", "@example.com", "a@", "a@b/", "a b@c", "a@b c", "a<b@c", "/res", "a@@b"})
        EXPECT_FALSE(Jid::parse(bad)) << bad;
    EXPECT_FALSE(Jid::parse(std::string(2000, 'a') + "@b"));
}
