#include "util/Digest.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace jicofo::util {

std::string sha1(std::string_view data) {
    unsigned char out[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
    return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

std::string base64(std::string_view data) {
    // EVP_EncodeBlock writes 4 characters per started 3 bytes plus a terminating NUL.
    std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(data.data()), int(data.size()));
    out.resize(n < 0 ? 0 : std::size_t(n));
    return out;
}

std::string sha1Base64(std::string_view data) {
    return base64(sha1(data));
}

}  // namespace jicofo::util
