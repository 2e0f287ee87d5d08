#include "xmpp/Scram.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <map>

#include "xmpp/Base64.h"

namespace jicofo::xmpp {
namespace {

// Guards against a hostile or broken server making the login burn CPU for minutes.
constexpr long kMaxIterations = 1000000;

std::string hmacSha1(const std::string& key, const std::string& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
    return std::string(reinterpret_cast<char*>(out), len);
}

std::string sha1(const std::string& data) {
    unsigned char out[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
    return std::string(reinterpret_cast<char*>(out), SHA_DIGEST_LENGTH);
}

// "a=1,b=2" -> {a:1, b:2}; only the first occurrence of an attribute counts.
std::map<char, std::string> parseAttributes(const std::string& msg) {
    std::map<char, std::string> out;
    size_t pos = 0;
    while (pos <= msg.size()) {
        size_t comma = msg.find(',', pos);
        std::string part = msg.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (part.size() >= 2 && part[1] == '=') out.emplace(part[0], part.substr(2));
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return out;
}

}  // namespace

ScramSha1::ScramSha1(std::string user, std::string password, std::string clientNonce)
    : user_(std::move(user)), password_(std::move(password)), nonce_(std::move(clientNonce)) {
    if (nonce_.empty()) {
        unsigned char raw[24];
        RAND_bytes(raw, sizeof raw);
        nonce_ = base64Encode(std::string(reinterpret_cast<char*>(raw), sizeof raw));
    }
}

std::string ScramSha1::escapeName(const std::string& user) {
    std::string out;
    for (char c : user) {
        if (c == '=')
            out += "=3D";
        else if (c == ',')
            out += "=2C";
        else
            out += c;
    }
    return out;
}

std::optional<std::string> ScramSha1::initialResponse() {
    clientFirstBare_ = "n=" + escapeName(user_) + ",r=" + nonce_;
    step_ = Step::SentFirst;
    return "n,," + clientFirstBare_;
}

util::Result<std::string, SaslError> ScramSha1::respond(const std::string& challenge) {
    if (step_ == Step::SentFirst) return clientFinal(challenge);
    if (step_ == Step::SentFinal) {
        auto ok = verifyServerFinal(challenge);
        if (!ok) return ok.error();
        return std::string();
    }
    return SaslError{"unexpected SCRAM challenge"};
}

util::Result<std::string, SaslError> ScramSha1::clientFinal(const std::string& serverFirst) {
    auto attrs = parseAttributes(serverFirst);
    if (attrs.count('m')) return SaslError{"server requires an unsupported SCRAM extension"};
    const std::string& nonce = attrs['r'];
    // The server's nonce must extend ours, or this is a replay or a man in the middle.
    if (nonce.size() <= nonce_.size() || nonce.compare(0, nonce_.size(), nonce_) != 0)
        return SaslError{"server nonce does not extend the client nonce"};
    auto salt = base64Decode(attrs['s']);
    if (!salt || salt->empty()) return SaslError{"bad salt in server-first-message"};
    long iterations = 0;
    try {
        iterations = std::stol(attrs['i']);
    } catch (const std::exception&) {
        iterations = 0;
    }
    if (iterations < 1 || iterations > kMaxIterations)
        return SaslError{"bad iteration count in server-first-message"};

    unsigned char salted[SHA_DIGEST_LENGTH];
    PKCS5_PBKDF2_HMAC(password_.data(), static_cast<int>(password_.size()),
                      reinterpret_cast<const unsigned char*>(salt->data()), static_cast<int>(salt->size()),
                      static_cast<int>(iterations), EVP_sha1(), sizeof salted, salted);
    std::string saltedPassword(reinterpret_cast<char*>(salted), sizeof salted);
    OPENSSL_cleanse(salted, sizeof salted);

    std::string clientKey = hmacSha1(saltedPassword, "Client Key");
    std::string storedKey = sha1(clientKey);
    std::string withoutProof = "c=" + base64Encode("n,,") + ",r=" + nonce;
    std::string authMessage = clientFirstBare_ + "," + serverFirst + "," + withoutProof;
    std::string clientSignature = hmacSha1(storedKey, authMessage);
    std::string proof = clientKey;
    for (size_t i = 0; i < proof.size(); ++i) proof[i] = char(proof[i] ^ clientSignature[i]);
    expectedServerSignature_ = hmacSha1(hmacSha1(saltedPassword, "Server Key"), authMessage);
    step_ = Step::SentFinal;
    return withoutProof + ",p=" + base64Encode(proof);
}

util::Result<bool, SaslError> ScramSha1::verifyServerFinal(const std::string& serverFinal) {
    auto attrs = parseAttributes(serverFinal);
    if (attrs.count('e')) return SaslError{"server reported SCRAM error: " + attrs['e']};
    auto signature = base64Decode(attrs['v']);
    if (!signature || signature->size() != expectedServerSignature_.size() ||
        CRYPTO_memcmp(signature->data(), expectedServerSignature_.data(), signature->size()) != 0)
        return SaslError{"server signature does not match: the server does not know the password"};
    step_ = Step::Verified;
    return true;
}

util::Result<bool, SaslError> ScramSha1::finish(const std::string& successData) {
    if (step_ == Step::Verified) return true;
    if (step_ != Step::SentFinal) return SaslError{"SCRAM success before the exchange finished"};
    return verifyServerFinal(successData);
}

}  // namespace jicofo::xmpp
