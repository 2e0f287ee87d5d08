#include <gtest/gtest.h>

#include "xmpp/Base64.h"
#include "xmpp/SaslAnonymous.h"
#include "xmpp/SaslPlain.h"

using namespace jicofo::xmpp;

TEST(Base64, Rfc4648Vectors) {
    const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                           {"f", "Zg=="},
                                                           {"fo", "Zm8="},
                                                           {"foo", "Zm9v"},
                                                           {"foob", "Zm9vYg=="},
                                                           {"fooba", "Zm9vYmE="},
                                                           {"foobar", "Zm9vYmFy"}};
    for (auto [plain, encoded] : vectors) {
        EXPECT_EQ(encoded, base64Encode(plain));
        EXPECT_EQ(plain, base64Decode(encoded).value());
    }
}

TEST(Base64, BinaryRoundTrip) {
    std::string all;
    for (int i = 0; i < 256; ++i) all += char(i);
    EXPECT_EQ(all, base64Decode(base64Encode(all)).value());
}

TEST(Base64, RefusesGarbage) {
    for (const char* bad : {"Zg=", "Z===", "Zm9v!A==", "=Zm9", "Zg==Zm9v", "Zm=v", "Zh==", "Zm9="})
        EXPECT_FALSE(base64Decode(bad)) << bad;
    EXPECT_EQ("foo", base64Decode("Zm\r\n9v").value());  // line breaks are tolerated
}

TEST(SaslPlain, InitialResponseCarriesUserAndPassword) {
    SaslPlain plain("focus", "s3cret");
    EXPECT_EQ(std::string("\0focus\0s3cret", 13), plain.initialResponse().value());
    EXPECT_FALSE(plain.respond("unexpected").ok());
    EXPECT_TRUE(plain.finish("").ok());
}

TEST(SaslAnonymous, SendsAnEmptyInitialResponse) {
    SaslAnonymous anon;
    EXPECT_STREQ("ANONYMOUS", anon.name());
    EXPECT_EQ("", anon.initialResponse().value());
}
