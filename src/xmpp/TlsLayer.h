#pragma once
// TLS over an already connected, non-blocking socket (the STARTTLS upgrade), on OpenSSL directly.
// Why not Poco::Net::SecureStreamSocket: its verification failures go through the process-wide SSLManager
// event (one trust policy per process, while tests run trusting and verifying streams side by side), and its
// SSL object would be read and written from two threads; here Connection serialises every SSL call under its
// io mutex and does the waiting itself, so reads and writes interleave safely.
#include <memory>
#include <string>

namespace jicofo::xmpp {

struct TlsOptions {
    // The name the certificate must carry: the XMPP domain (not the host we connected to). Also sent as SNI.
    std::string serverName;
    // Accept any certificate (org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=true), as the original allowed
    // for self-signed Prosody set-ups.
    bool trustAll = false;
    // PEM file of trust anchors; empty = the system's default store.
    std::string caFile;
};

class TlsLayer {
  public:
    enum class Io { Done, WantRead, WantWrite, Closed };

    // Throws XmppError when the context cannot be set up (unreadable caFile ...).
    TlsLayer(int fd, const TlsOptions& options);
    ~TlsLayer();
    TlsLayer(const TlsLayer&) = delete;
    TlsLayer& operator=(const TlsLayer&) = delete;

    // One non-blocking handshake step. Throws XmppError; a certificate refusal says why and names the
    // property that turns verification off.
    Io handshake();
    Io read(char* buf, size_t capacity, size_t& got);
    Io write(const char* data, size_t size, size_t& written);
    // close_notify, best effort, never blocks.
    void shutdown();
    // "TLSv1.3 TLS_AES_256_GCM_SHA384", for the log.
    std::string describe() const;

  private:
    Io classify(int ret, const char* what);

    struct Impl;
    std::unique_ptr<Impl> impl_;
    TlsOptions options_;
};

}  // namespace jicofo::xmpp
