#pragma once
// RFC 6120 client login (docs/protocol.md §3.2): stream to the user domain, STARTTLS, SASL (SCRAM-SHA-1
// preferred, PLAIN only over TLS, ANONYMOUS without a password), stream restart, resource binding, session
// when required, initial presence.
#include <memory>
#include <optional>
#include <string>

#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/Connection.h"
#include "xmpp/SaslMechanism.h"

namespace jicofo::xmpp {

class ClientSession {
  public:
    struct Options {
        std::string domain;           // the user domain, e.g. auth.example.com (--user_domain)
        std::string username;         // --user_name; ignored without a password
        std::string password;         // empty => SASL ANONYMOUS
        std::string resource;         // requested resource; empty => the server picks one
        bool trustAll = false;        // accept any TLS certificate (ALWAYS_TRUST_MODE_ENABLED)
        std::string caFile;           // extra trust anchors (tests); empty = system store
        bool allowPlaintext = false;  // allow a password over a stream without TLS (never in production)
        std::optional<int> presencePriority = 30;  // initial presence; nullopt sends none
        util::Duration timeout{20000};             // the whole login
    };

    ClientSession(Connection& connection, Options options);
    // Runs the login; returns the bound full JID. Throws XmppError saying which step failed and why.
    util::Jid login();
    // The SASL mechanism the login used ("SCRAM-SHA-1", "PLAIN", "ANONYMOUS"), for logs and tests.
    const std::string& mechanism() const { return mechanism_; }

    // "<prefix><nanoseconds>", the resource the focus user asks for (e.g. focus1446738123456789), so a
    // restarted focus never collides with the previous one's session.
    static std::string nanoResource(const std::string& prefix);

  private:
    xml::Element openAndReadFeatures();
    void startTls();
    std::unique_ptr<SaslMechanism> chooseMechanism(const xml::Element& features) const;
    void authenticate(const xml::Element& features);
    util::Jid bind(const xml::Element& features);
    xml::Element nextStanza();
    xml::Element iqRoundTrip(xml::Element iq, const char* step);

    Connection& conn_;
    Options options_;
    util::TimePoint deadline_;
    std::string mechanism_;
};

}  // namespace jicofo::xmpp
