#include <gtest/gtest.h>

#include "util/Digest.h"

using namespace jicofo::util;

TEST(Digest, Sha1OfKnownVectors) {
    // FIPS 180-2 appendix A.1 ("abc") and the empty string.
    EXPECT_EQ(base64(sha1("abc")), "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=");
    EXPECT_EQ(sha1Base64(""), "2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
    EXPECT_EQ(sha1("abc").size(), 20u);
}

TEST(Digest, Base64PadsEachLength) {
    // RFC 4648 §10 test vectors.
    EXPECT_EQ(base64(""), "");
    EXPECT_EQ(base64("f"), "Zg==");
    EXPECT_EQ(base64("fo"), "Zm8=");
    EXPECT_EQ(base64("foo"), "Zm9v");
    EXPECT_EQ(base64("foob"), "Zm9vYg==");
    EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
    EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
}
