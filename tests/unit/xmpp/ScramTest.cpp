// SCRAM-SHA-1 against the example exchange of RFC 5802 §5.
#include <gtest/gtest.h>

#include "xmpp/Scram.h"

using jicofo::xmpp::ScramSha1;

namespace {

const char* kServerFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
const char* kClientFinal =
    "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
const char* kServerFinal = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

ScramSha1 rfcClient() {
    return ScramSha1("user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
}

}  // namespace

TEST(Scram, Rfc5802ExampleExchange) {
    auto scram = rfcClient();
    EXPECT_STREQ("SCRAM-SHA-1", scram.name());
    EXPECT_EQ("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL", scram.initialResponse().value());
    auto final = scram.respond(kServerFirst);
    ASSERT_TRUE(final.ok()) << final.error().text;
    EXPECT_EQ(kClientFinal, final.value());
    auto done = scram.finish(kServerFinal);
    EXPECT_TRUE(done.ok()) << done.error().text;
}

TEST(Scram, ServerFinalMayComeAsAChallenge) {
    auto scram = rfcClient();
    scram.initialResponse();
    ASSERT_TRUE(scram.respond(kServerFirst).ok());
    auto empty = scram.respond(kServerFinal);
    ASSERT_TRUE(empty.ok()) << empty.error().text;
    EXPECT_EQ("", empty.value());
    EXPECT_TRUE(scram.finish("").ok());
}

TEST(Scram, WrongServerSignatureIsRefused) {
    auto scram = rfcClient();
    scram.initialResponse();
    ASSERT_TRUE(scram.respond(kServerFirst).ok());
    // One character off in the signature: a server that does not know the password.
    auto done = scram.finish("v=smF9pqV8S7suAoZWja4dJRkFsKQ=");
    ASSERT_FALSE(done.ok());
    EXPECT_NE(std::string::npos, done.error().text.find("server signature"));
}

TEST(Scram, SuccessWithoutServerSignatureIsRefused) {
    auto scram = rfcClient();
    scram.initialResponse();
    ASSERT_TRUE(scram.respond(kServerFirst).ok());
    EXPECT_FALSE(scram.finish("").ok());
}

TEST(Scram, ServerNonceMustExtendClientNonce) {
    auto scram = rfcClient();
    scram.initialResponse();
    auto r = scram.respond("r=somethingelse3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(std::string::npos, r.error().text.find("nonce"));
}

TEST(Scram, BadIterationCountsAreRefused) {
    for (const char* i : {"0", "-5", "x", "100000000"}) {
        auto scram = rfcClient();
        scram.initialResponse();
        auto r = scram.respond(std::string("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=") + i);
        EXPECT_FALSE(r.ok()) << "i=" << i;
    }
}

TEST(Scram, ServerErrorIsReported) {
    auto scram = rfcClient();
    scram.initialResponse();
    ASSERT_TRUE(scram.respond(kServerFirst).ok());
    auto done = scram.finish("e=invalid-proof");
    ASSERT_FALSE(done.ok());
    EXPECT_NE(std::string::npos, done.error().text.find("invalid-proof"));
}

TEST(Scram, UserNameIsEscaped) {
    EXPECT_EQ("a=2Cb=3Dc", ScramSha1::escapeName("a,b=c"));
    ScramSha1 scram("a,b", "pw", "nonce");
    EXPECT_EQ("n,,n=a=2Cb,r=nonce", scram.initialResponse().value());
}

TEST(Scram, RandomNoncesDiffer) {
    ScramSha1 a("u", "p"), b("u", "p");
    EXPECT_NE(a.initialResponse().value(), b.initialResponse().value());
}
