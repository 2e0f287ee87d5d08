#include "xmpp/ComponentSession.h"

#include <openssl/sha.h>

#include "protocol/stanza/Namespaces.h"
#include "xmpp/StreamErrors.h"
#include "xmpp/XmppError.h"

namespace jicofo::xmpp {

std::string ComponentSession::handshakeDigest(const std::string& streamId, const std::string& secret) {
    std::string input = streamId + secret;
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

util::Jid ComponentSession::login(Connection& connection, const Options& options) {
    auto jid = util::Jid::parse(options.jid);
    if (!jid || !jid->node().empty() || !jid->resource().empty())
        throw XmppError("bad component JID '" + options.jid +
                        "': expected a domain such as focus.example.com");
    util::TimePoint deadline = util::Clock::now() + options.timeout;
    connection.openStream(protocol::ns::kComponent, options.jid, false);

    auto header = connection.next(deadline);
    if (header.kind != Connection::Event::Kind::StreamOpen)
        throw XmppError("expected a stream header from " + connection.peer());
    const std::string& id = header.element.attr("id");
    if (id.empty()) {
        // The server answers our stream with an error right away (e.g. unknown component name).
        auto first = connection.next(deadline);
        if (first.kind == Connection::Event::Kind::Stanza && isStreamError(first.element))
            throw XmppError("component stream refused: " + describeStreamError(first.element));
        throw XmppError("the server sent no stream id for the component handshake");
    }

    xml::Element handshake("handshake", protocol::ns::kComponent);
    handshake.setText(handshakeDigest(id, options.secret));
    connection.writeStanza(handshake, protocol::ns::kComponent);

    for (;;) {
        auto ev = connection.next(deadline);
        if (ev.kind == Connection::Event::Kind::StreamClose)
            throw XmppError("the server closed the stream during the component handshake");
        if (ev.kind != Connection::Event::Kind::Stanza) continue;
        const xml::Element& e = ev.element;
        if (e.name() == "handshake" && e.ns() == protocol::ns::kComponent) return *jid;
        if (isStreamError(e)) {
            if (streamErrorCondition(e) == "not-authorized")
                throw XmppError("component handshake refused: check --secret (" + describeStreamError(e) +
                                ")");
            throw XmppError("component stream error: " + describeStreamError(e));
        }
        // Nothing else may come before the handshake answer; ignore rather than guess.
    }
}

}  // namespace jicofo::xmpp
