#include "xmpp/TlsLayer.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>

#include "xmpp/XmppError.h"

namespace jicofo::xmpp {
namespace {

std::string drainErrors() {
    std::string out;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!out.empty()) out += "; ";
        out += buf;
    }
    return out;
}

}  // namespace

struct TlsLayer::Impl {
    SSL_CTX* ctx = nullptr;
    SSL* ssl = nullptr;
    ~Impl() {
        if (ssl) SSL_free(ssl);
        if (ctx) SSL_CTX_free(ctx);
    }
};

TlsLayer::TlsLayer(int fd, const TlsOptions& options) : impl_(std::make_unique<Impl>()), options_(options) {
    ERR_clear_error();
    impl_->ctx = SSL_CTX_new(TLS_client_method());
    if (!impl_->ctx) throw XmppError("cannot create a TLS context: " + drainErrors());
    SSL_CTX_set_min_proto_version(impl_->ctx, TLS1_2_VERSION);
    // Partial writes let Connection resume a write after EAGAIN from wherever it stopped.
    SSL_CTX_set_mode(impl_->ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (options.trustAll) {
        SSL_CTX_set_verify(impl_->ctx, SSL_VERIFY_NONE, nullptr);
    } else {
        SSL_CTX_set_verify(impl_->ctx, SSL_VERIFY_PEER, nullptr);
        int ok = options.caFile.empty()
                     ? SSL_CTX_set_default_verify_paths(impl_->ctx)
                     : SSL_CTX_load_verify_locations(impl_->ctx, options.caFile.c_str(), nullptr);
        if (ok != 1)
            throw XmppError("cannot load TLS trust anchors" +
                            (options.caFile.empty() ? std::string() : " from " + options.caFile) + ": " +
                            drainErrors());
    }
    impl_->ssl = SSL_new(impl_->ctx);
    if (!impl_->ssl) throw XmppError("cannot create a TLS session: " + drainErrors());
    SSL_set_fd(impl_->ssl, fd);
    SSL_set_tlsext_host_name(impl_->ssl, options.serverName.c_str());
    if (!options.trustAll) {
        // The certificate must name the XMPP domain (RFC 6120 §13.7.2), checked by OpenSSL during the
        // handshake so a mismatch fails it like any other verification error.
        SSL_set_hostflags(impl_->ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        SSL_set1_host(impl_->ssl, options.serverName.c_str());
    }
    SSL_set_connect_state(impl_->ssl);
}

TlsLayer::~TlsLayer() = default;

TlsLayer::Io TlsLayer::classify(int ret, const char* what) {
    int err = SSL_get_error(impl_->ssl, ret);
    switch (err) {
        case SSL_ERROR_WANT_READ:
            return Io::WantRead;
        case SSL_ERROR_WANT_WRITE:
            return Io::WantWrite;
        case SSL_ERROR_ZERO_RETURN:
            return Io::Closed;
        case SSL_ERROR_SYSCALL: {
            std::string detail = drainErrors();
            if (detail.empty() && errno == 0) return Io::Closed;  // EOF without close_notify
            throw XmppError(std::string("TLS ") + what +
                            " failed: " + (detail.empty() ? std::string(strerror(errno)) : detail));
        }
        default:
            throw XmppError(std::string("TLS ") + what + " failed: " + drainErrors());
    }
}

TlsLayer::Io TlsLayer::handshake() {
    ERR_clear_error();
    errno = 0;
    int ret = SSL_do_handshake(impl_->ssl);
    if (ret == 1) return Io::Done;
    long verify = SSL_get_verify_result(impl_->ssl);
    if (!options_.trustAll && verify != X509_V_OK) {
        drainErrors();
        throw XmppError("TLS certificate of " + options_.serverName +
                        " not accepted: " + X509_verify_cert_error_string(verify) +
                        ". Install a certificate this host trusts for that name, or set "
                        "org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=true to accept any certificate");
    }
    Io io = classify(ret, "handshake");
    if (io == Io::Closed) throw XmppError("TLS handshake failed: the server closed the connection");
    return io;
}

TlsLayer::Io TlsLayer::read(char* buf, size_t capacity, size_t& got) {
    ERR_clear_error();
    errno = 0;
    got = 0;
    int ret = SSL_read_ex(impl_->ssl, buf, capacity, &got);
    if (ret == 1) return Io::Done;
    return classify(ret, "read");
}

TlsLayer::Io TlsLayer::write(const char* data, size_t size, size_t& written) {
    ERR_clear_error();
    errno = 0;
    written = 0;
    int ret = SSL_write_ex(impl_->ssl, data, size, &written);
    if (ret == 1) return Io::Done;
    return classify(ret, "write");
}

void TlsLayer::shutdown() {
    ERR_clear_error();
    SSL_shutdown(impl_->ssl);
    ERR_clear_error();
}

std::string TlsLayer::describe() const {
    return std::string(SSL_get_version(impl_->ssl)) + " " + SSL_get_cipher_name(impl_->ssl);
}

}  // namespace jicofo::xmpp
