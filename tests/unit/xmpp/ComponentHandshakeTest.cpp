#include <gtest/gtest.h>

#include "xmpp/ComponentSession.h"

using jicofo::xmpp::ComponentSession;

// Expected digests computed independently: printf '%s' "<id><secret>" | sha1sum
TEST(ComponentHandshake, DigestIsLowercaseHexSha1OfIdAndSecret) {
    EXPECT_EQ("7a98dc4c9e92493d7fd66a25364c862637789c45",
              ComponentSession::handshakeDigest("3BF96D32", "sesame"));
    EXPECT_EQ("571b6bed0dec74d8f6bd2d5fe19b5c66873dd6af",
              ComponentSession::handshakeDigest("f81a0e8b-5c4e-4f1a-9b2f-1b2c3d4e5f60", "s3cr3t"));
}

TEST(ComponentHandshake, DigestDependsOnBothParts) {
    auto d = ComponentSession::handshakeDigest("id", "secret");
    EXPECT_EQ(40u, d.size());
    EXPECT_NE(d, ComponentSession::handshakeDigest("id2", "secret"));
    EXPECT_NE(d, ComponentSession::handshakeDigest("id", "secret2"));
}
