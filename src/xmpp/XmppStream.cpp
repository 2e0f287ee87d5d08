#include "xmpp/XmppStream.h"

#include "log/Log.h"
#include "protocol/stanza/Namespaces.h"
#include "protocol/stanza/Refusal.h"
#include "xmpp/Backoff.h"
#include "xmpp/ClientSession.h"
#include "xmpp/ComponentSession.h"
#include "xmpp/NamespaceRewrite.h"
#include "xmpp/StreamErrors.h"
#include "xmpp/XmppError.h"

namespace jicofo::xmpp {
namespace {
constexpr util::Duration kCloseGrace{1000};
}

XmppStream::Config XmppStream::Config::component(std::string host, uint16_t port, std::string jid,
                                                 std::string secret) {
    Config c;
    c.mode = Mode::Component;
    c.host = std::move(host);
    c.port = port;
    c.domain = std::move(jid);
    c.secret = std::move(secret);
    return c;
}

XmppStream::Config XmppStream::Config::client(std::string host, uint16_t port, std::string domain,
                                              std::string username, std::string password,
                                              std::string resource) {
    Config c;
    c.mode = Mode::Client;
    c.host = std::move(host);
    c.port = port;
    c.domain = std::move(domain);
    c.username = std::move(username);
    c.password = std::move(password);
    c.resource = std::move(resource);
    return c;
}

XmppStream::XmppStream(Config config, util::Loop& loop, ChannelListener& listener)
    : config_(std::move(config)), loop_(loop), listener_(listener) {
    if (config_.name.empty()) {
        if (config_.mode == Config::Mode::Component)
            config_.name = "component " + config_.domain;
        else if (config_.password.empty())
            config_.name = "client (anonymous) on " + config_.domain;
        else
            config_.name = "client " + config_.username + "@" + config_.domain;
    }
}

XmppStream::~XmppStream() {
    stop();
}

void XmppStream::setLoginFailureHandler(std::function<void(const std::string&)> handler) {
    onLoginFailed_ = std::move(handler);
}

util::Jid XmppStream::localJid() const {
    auto jid = std::atomic_load(&local_);
    return jid ? *jid : util::Jid();
}

void XmppStream::run() {
    Backoff backoff(config_.backoffMin, config_.backoffMax);
    while (!stopping_) {
        auto connection = std::make_shared<Connection>();
        std::atomic_store(&current_, connection);
        // stop() may have looked at current_ just before this connection was published.
        if (stopping_) break;
        bool wasUp = false;
        std::string reason;
        try {
            JLOG(info) << config_.name << ": connecting to " << config_.host << ":" << config_.port;
            connection->connect(config_.host, config_.port, config_.connectTimeout);
            util::Jid jid = login(*connection);
            connection->startWriter(config_.writeLimits);
            std::atomic_store(&local_, std::make_shared<const util::Jid>(jid));
            up_ = true;
            wasUp = true;
            backoff.reset();
            JLOG(info) << config_.name << ": logged in as " << jid.str() << " on " << connection->peer()
                       << " (" << connection->tlsDescription() << ")";
            ChannelListener* listener = &listener_;
            loop_.post([listener, jid] { listener->onConnected(jid); });
            serve(*connection);
            reason = "the server closed the stream";
        } catch (const std::exception& e) {
            reason = e.what();
        }
        finishConnection(wasUp, reason);
        if (stopping_) break;
        util::Duration delay = backoff.next();
        JLOG(info) << config_.name << ": reconnecting to " << config_.host << ":" << config_.port << " in "
                   << delay.count() << " ms";
        wake_.tryWait(static_cast<long>(delay.count()));
    }
    std::atomic_store(&current_, std::shared_ptr<Connection>());
}

util::Jid XmppStream::login(Connection& connection) {
    if (config_.mode == Config::Mode::Component)
        return ComponentSession::login(connection, {config_.domain, config_.secret, config_.loginTimeout});
    ClientSession::Options o;
    o.domain = config_.domain;
    o.username = config_.username;
    o.password = config_.password;
    o.resource = config_.resource;
    o.trustAll = config_.trustAll;
    o.caFile = config_.caFile;
    o.allowPlaintext = config_.allowPlaintext;
    o.presencePriority = config_.presencePriority;
    o.timeout = config_.loginTimeout;
    return ClientSession(connection, o).login();
}

void XmppStream::serve(Connection& connection) {
    const bool component = config_.mode == Config::Mode::Component;
    ChannelListener* listener = &listener_;
    for (;;) {
        auto ev = connection.next();
        if (ev.kind == Connection::Event::Kind::StreamClose) return;
        if (ev.kind == Connection::Event::Kind::Refused) {
            refuse(ev.element, ev.reason);
            continue;
        }
        if (ev.kind != Connection::Event::Kind::Stanza) continue;
        xml::Element& stanza = ev.element;
        if (isStreamError(stanza)) throw XmppError("stream error: " + describeStreamError(stanza));
        if (component) toClientNamespace(stanza);
        if (stanza.ns() != protocol::ns::kClient) {
            JLOG(debug) << config_.name << ": ignored <" << stanza.name() << " xmlns='" << stanza.ns()
                        << "'>";
            continue;
        }
        loop_.post([listener, s = std::move(stanza)]() mutable { listener->takeStanza(std::move(s)); });
    }
}

void XmppStream::refuse(xml::Element& envelope, const std::string& why) {
    if (config_.mode == Config::Mode::Component) toClientNamespace(envelope);
    JLOG(warning) << config_.name << ": skipped <" << envelope.name() << " id='" << envelope.attr("id")
                  << "'> from '" << envelope.attr("from") << "': " << why;
    auto reply = protocol::refusalFor(envelope, why);
    if (!reply) return;
    // Sent from the loop like every other stanza, so it queues behind what the loop has already sent.
    loop_.post([this, r = std::move(*reply)] { send(r.toElement()); });
}

void XmppStream::finishConnection(bool wasUp, const std::string& reason) {
    up_ = false;
    std::atomic_store(&current_, std::shared_ptr<Connection>());
    const std::string where = config_.host + ":" + std::to_string(config_.port);
    if (wasUp) {
        std::string why = stopping_ ? "stopped" : reason;
        JLOG(info) << config_.name << ": connection to " << where << " lost: " << why;
        ChannelListener* listener = &listener_;
        loop_.post([listener, why] { listener->onDisconnected(why); });
    } else if (stopping_) {
        JLOG(info) << config_.name << ": stopped while connecting to " << where;
    } else {
        JLOG(warning) << config_.name << ": cannot connect or log in to " << where << ": " << reason;
        if (onLoginFailed_) loop_.post([fn = onLoginFailed_, reason] { fn(reason); });
    }
}

void XmppStream::stop() {
    if (stopping_.exchange(true)) return;
    wake_.set();
    auto connection = std::atomic_load(&current_);
    if (!connection) return;
    if (up_)
        connection->closeStream(kCloseGrace);
    else
        connection->abort("stopped");
}

void XmppStream::reconnect(const std::string& reason) {
    auto connection = std::atomic_load(&current_);
    if (!connection) return;
    JLOG(info) << config_.name << ": dropping the stream to " << connection->peer() << ": " << reason;
    connection->abort(reason);
}

void XmppStream::send(const xml::Element& stanza) {
    auto connection = std::atomic_load(&current_);
    if (!connection || !up_) {
        JLOG(debug) << config_.name << ": not connected, dropped <" << stanza.name() << " id='"
                    << stanza.attr("id") << "'>";
        return;
    }
    try {
        if (config_.mode == Config::Mode::Component) {
            // Domain stanzas are in jabber:client; the writer puts them in the component namespace as it
            // serialises (no copy of the tree), and addresses them from our domain (XEP-0114: a component
            // does that itself) unless they say otherwise.
            connection->writeStanza(
                stanza, protocol::ns::kComponent,
                {protocol::ns::kClient, protocol::ns::kComponent, {"from", config_.domain}});
        } else {
            connection->writeStanza(stanza, protocol::ns::kClient);
        }
    } catch (const XmppError& e) {
        JLOG(debug) << config_.name << ": write failed, dropped <" << stanza.name() << ">: " << e.what();
        connection->abort(std::string("write failed: ") + e.what());
    }
}

}  // namespace jicofo::xmpp
