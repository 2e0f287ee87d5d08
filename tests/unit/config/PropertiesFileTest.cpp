#include <gtest/gtest.h>

#include "config/PropertiesFile.h"

using jicofo::config::parseProperties;
using jicofo::config::PropertyMap;

namespace {

PropertyMap parse(const std::string& text) {
    auto r = parseProperties(text);
    EXPECT_TRUE(r.ok()) << text;
    return r.ok() ? r.value() : PropertyMap{};
}

}  // namespace

TEST(PropertiesFile, SeparatorsAsJava) {
    auto p = parse("a=1\nb:2\nc 3\nd\t\t4\ne  :  5\nf = = 6\ng\n");
    EXPECT_EQ(p.at("a"), "1");
    EXPECT_EQ(p.at("b"), "2");
    EXPECT_EQ(p.at("c"), "3");
    EXPECT_EQ(p.at("d"), "4");
    EXPECT_EQ(p.at("e"), "5");
    EXPECT_EQ(p.at("f"), "= 6");  // only one separator is consumed
    EXPECT_EQ(p.at("g"), "");     // a key alone has the empty value
}

TEST(PropertiesFile, CommentsAndBlankLines) {
    auto p = parse("# comment\n! also\n   # indented\n\n   \t\nkey=v\na#b=c\n");
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p.at("key"), "v");
    EXPECT_EQ(p.at("a#b"), "c");  // '#' only starts a comment at the start of a line
}

TEST(PropertiesFile, WhitespaceBeforeKeyDroppedAfterValueKept) {
    auto p = parse("   key = value  \t\n");
    EXPECT_EQ(p.at("key"), "value  \t");
}

TEST(PropertiesFile, LineContinuation) {
    auto p = parse("a=one \\\n     two\\\n three\nb=2\n");
    EXPECT_EQ(p.at("a"), "one twothree");
    EXPECT_EQ(p.at("b"), "2");
}

TEST(PropertiesFile, CommentLinesAreNeverContinued) {
    auto p = parse("# comment \\\nb=2\n");
    EXPECT_EQ(p.at("b"), "2");
}

TEST(PropertiesFile, HashInContinuationIsText) {
    auto p = parse("a=1\\\n  #2\n");
    EXPECT_EQ(p.at("a"), "1#2");
}

TEST(PropertiesFile, BlankContinuationLineEndsTheValue) {
    auto p = parse("a=1\\\n\nb=2\n");
    EXPECT_EQ(p.at("a"), "1");
    EXPECT_EQ(p.at("b"), "2");
}

TEST(PropertiesFile, EvenBackslashesDoNotContinue) {
    auto p = parse("a=x\\\\\nb=2\n");
    EXPECT_EQ(p.at("a"), "x\\");
    EXPECT_EQ(p.at("b"), "2");
}

TEST(PropertiesFile, BackslashAtEndOfFileIsDropped) {
    EXPECT_EQ(parse("a=b\\").at("a"), "b");
}

TEST(PropertiesFile, EscapedSeparatorsInKeys) {
    auto p = parse("a\\=b=c\nd\\ e=f\ng\\:h i\n");
    EXPECT_EQ(p.at("a=b"), "c");
    EXPECT_EQ(p.at("d e"), "f");
    EXPECT_EQ(p.at("g:h"), "i");
}

TEST(PropertiesFile, CharacterEscapes) {
    auto p = parse("x=a\\tb\\nc\\rd\\fe\\qf\\\\g\\=\n");
    EXPECT_EQ(p.at("x"),
              "a\tb\nc\rd\fe"
              "qf\\g=");
}

TEST(PropertiesFile, UnicodeEscapesBecomeUtf8) {
    auto p = parse("e=caf\\u00e9\ns=\\uD83D\\uDE00\nk\\u0041=1\nraw=caf\xC3\xA9\nlone=\\uD800x\n");
    EXPECT_EQ(p.at("e"), "caf\xC3\xA9");
    EXPECT_EQ(p.at("s"), "\xF0\x9F\x98\x80");  // a surrogate pair is one code point
    EXPECT_EQ(p.at("kA"), "1");
    EXPECT_EQ(p.at("raw"), "caf\xC3\xA9");  // UTF-8 bytes pass through
    EXPECT_EQ(p.at("lone"), "\xEF\xBF\xBDx");
}

TEST(PropertiesFile, LineEndings) {
    auto p = parse("a=1\r\nb=2\rc=3\nd=4\\\r\n  5\r\n");
    EXPECT_EQ(p.at("a"), "1");
    EXPECT_EQ(p.at("b"), "2");
    EXPECT_EQ(p.at("c"), "3");
    EXPECT_EQ(p.at("d"), "45");
}

TEST(PropertiesFile, LaterDuplicateWins) {
    EXPECT_EQ(parse("a=1\na=2\n").at("a"), "2");
}

TEST(PropertiesFile, EmptyAndCommentOnly) {
    EXPECT_TRUE(parse("").empty());
    EXPECT_TRUE(parse("# only\n\n").empty());
}

TEST(PropertiesFile, MalformedUnicodeEscapeNamesTheLine) {
    auto r = parseProperties("a=1\r\n# c\nb=two\\\n  lines\nc=\\u12G4\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().line, 5);
    EXPECT_NE(r.error().message.find("\\uXXXX"), std::string::npos);
    EXPECT_FALSE(parseProperties("a=\\u12").ok());  // too short
}
