#include "xmpp/ClientSession.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "log/Log.h"
#include "protocol/stanza/Namespaces.h"
#include "xmpp/Base64.h"
#include "xmpp/SaslAnonymous.h"
#include "xmpp/SaslPlain.h"
#include "xmpp/Scram.h"
#include "xmpp/StreamErrors.h"
#include "xmpp/XmppError.h"

namespace jicofo::xmpp {
namespace {

const char* kTlsNs = "urn:ietf:params:xml:ns:xmpp-tls";
const char* kSaslNs = "urn:ietf:params:xml:ns:xmpp-sasl";
const char* kBindNs = "urn:ietf:params:xml:ns:xmpp-bind";
const char* kSessionNs = "urn:ietf:params:xml:ns:xmpp-session";
using protocol::ns::kClient;

std::string saslFailure(const xml::Element& failure) {
    std::string condition = "undefined-condition", text;
    for (const auto& c : failure.children()) {
        if (c.name() == "text")
            text = c.text();
        else
            condition = c.name();
    }
    return text.empty() ? condition : condition + " (" + text + ")";
}

}  // namespace

ClientSession::ClientSession(Connection& connection, Options options)
    : conn_(connection), options_(std::move(options)) {}

std::string ClientSession::nanoResource(const std::string& prefix) {
    auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return prefix + std::to_string(nanos.count());
}

util::Jid ClientSession::login() {
    deadline_ = util::Clock::now() + options_.timeout;
    xml::Element features = openAndReadFeatures();
    if (features.child("starttls", kTlsNs)) {
        startTls();
        features = openAndReadFeatures();
    } else if (!options_.password.empty() && !options_.allowPlaintext) {
        throw XmppError("server " + conn_.peer() +
                        " does not offer STARTTLS: refusing to send the password over an unencrypted stream");
    }
    authenticate(features);
    features = openAndReadFeatures();
    return bind(features);
}

xml::Element ClientSession::nextStanza() {
    for (;;) {
        auto ev = conn_.next(deadline_);
        if (ev.kind == Connection::Event::Kind::StreamClose)
            throw XmppError("the server closed the stream during login");
        if (ev.kind != Connection::Event::Kind::Stanza) continue;
        if (isStreamError(ev.element))
            throw XmppError("stream error during login: " + describeStreamError(ev.element));
        return std::move(ev.element);
    }
}

xml::Element ClientSession::openAndReadFeatures() {
    conn_.restart();
    conn_.openStream(kClient, options_.domain, true);
    auto header = conn_.next(deadline_);
    if (header.kind != Connection::Event::Kind::StreamOpen)
        throw XmppError("expected a stream header from " + conn_.peer());
    xml::Element features = nextStanza();
    if (features.name() != "features" || features.ns() != protocol::ns::kStream)
        throw XmppError("expected stream features, got <" + features.name() + ">");
    return features;
}

void ClientSession::startTls() {
    conn_.writeStanza(xml::Element("starttls", kTlsNs), kClient);
    xml::Element answer = nextStanza();
    if (answer.name() != "proceed" || answer.ns() != kTlsNs)
        throw XmppError("the server refused STARTTLS (<" + answer.name() + "/>)");
    conn_.startTls(TlsOptions{options_.domain, options_.trustAll, options_.caFile}, deadline_);
    JLOG(debug) << "TLS with " << conn_.peer() << ": " << conn_.tlsDescription();
}

std::unique_ptr<SaslMechanism> ClientSession::chooseMechanism(const xml::Element& features) const {
    std::vector<std::string> offered;
    if (const auto* mechs = features.child("mechanisms", kSaslNs))
        for (const auto* m : mechs->childrenNamed("mechanism", kSaslNs)) offered.push_back(m->text());
    auto has = [&](const char* name) {
        return std::find(offered.begin(), offered.end(), name) != offered.end();
    };

    if (options_.password.empty()) {
        if (has("ANONYMOUS")) return std::make_unique<SaslAnonymous>();
    } else if (has("SCRAM-SHA-1")) {
        return std::make_unique<ScramSha1>(options_.username, options_.password);
    } else if (has("PLAIN") && (conn_.secure() || options_.allowPlaintext)) {
        // PLAIN shows the password to anyone on the path: only inside TLS.
        return std::make_unique<SaslPlain>(options_.username, options_.password);
    }
    std::string list;
    for (const auto& m : offered) list += (list.empty() ? "" : " ") + m;
    throw XmppError(std::string("no usable SASL mechanism for ") +
                    (options_.password.empty() ? "anonymous login" : "password login") + " on " +
                    options_.domain + " (server offers: " + (list.empty() ? "none" : list) + ")");
}

void ClientSession::authenticate(const xml::Element& features) {
    std::unique_ptr<SaslMechanism> mech = chooseMechanism(features);
    mechanism_ = mech->name();
    xml::Element auth("auth", kSaslNs);
    auth.setAttr("mechanism", mech->name());
    if (auto initial = mech->initialResponse()) auth.setText(initial->empty() ? "=" : base64Encode(*initial));
    conn_.writeStanza(auth, kClient);

    const std::string who =
        options_.password.empty() ? "anonymous login" : options_.username + "@" + options_.domain;
    const std::string failed = "SASL " + mechanism_ + " failed: ";
    for (;;) {
        xml::Element e = nextStanza();
        if (e.ns() != kSaslNs) continue;
        if (e.name() == "failure")
            throw XmppError("SASL " + mechanism_ + " authentication of " + who +
                            " failed: " + saslFailure(e));
        if (e.name() != "challenge" && e.name() != "success") continue;
        auto data = base64Decode(e.text() == "=" ? std::string() : e.text());
        if (!data) throw XmppError(failed + "the server sent invalid base64");
        if (e.name() == "success") {
            auto ok = mech->finish(*data);
            if (!ok) throw XmppError(failed + ok.error().text);
            JLOG(debug) << "SASL " << mechanism_ << " succeeded for " << who << " on " << conn_.peer();
            return;
        }
        auto reply = mech->respond(*data);
        if (!reply) throw XmppError(failed + reply.error().text);
        xml::Element response("response", kSaslNs);
        if (!reply->empty()) response.setText(base64Encode(*reply));
        conn_.writeStanza(response, kClient);
    }
}

xml::Element ClientSession::iqRoundTrip(xml::Element iq, const char* step) {
    const std::string id = iq.attr("id");
    conn_.writeStanza(iq, kClient);
    for (;;) {
        xml::Element e = nextStanza();
        if (e.name() != "iq" || e.attr("id") != id) continue;
        if (e.attr("type") == "result") return e;
        std::string condition = "no condition";
        if (const auto* err = e.child("error", kClient))
            for (const auto& c : err->children())
                if (c.name() != "text") condition = c.name();
        throw XmppError(std::string(step) + " refused by the server: " + condition);
    }
}

util::Jid ClientSession::bind(const xml::Element& features) {
    if (!features.child("bind", kBindNs)) throw XmppError("the server offers no resource binding");
    xml::Element iq("iq", kClient);
    iq.setAttr("type", "set");
    iq.setAttr("id", "bind_1");
    auto& b = iq.addChild("bind", kBindNs);
    if (!options_.resource.empty()) b.addChild("resource", kBindNs).setText(options_.resource);
    xml::Element reply = iqRoundTrip(iq, "resource binding");
    const xml::Element* jidEl =
        reply.child("bind", kBindNs) ? reply.child("bind", kBindNs)->child("jid", kBindNs) : nullptr;
    auto jid = jidEl ? util::Jid::parse(jidEl->text()) : std::nullopt;
    if (!jid || jid->resource().empty()) throw XmppError("resource binding returned no full JID");

    // RFC 3921 sessions: only when advertised and not marked optional (RFC 6121 made them obsolete).
    if (const auto* session = features.child("session", kSessionNs); session && !session->child("optional")) {
        xml::Element s("iq", kClient);
        s.setAttr("type", "set");
        s.setAttr("id", "session_1");
        s.addChild("session", kSessionNs);
        iqRoundTrip(s, "session establishment");
    }
    if (options_.presencePriority) {
        xml::Element presence("presence", kClient);
        presence.addChild("priority", kClient).setText(std::to_string(*options_.presencePriority));
        conn_.writeStanza(presence, kClient);
    }
    return *jid;
}

}  // namespace jicofo::xmpp
