#include "xmpp/IqRouter.h"

#include "log/Log.h"
#include "util/FaultDomain.h"

namespace jicofo::xmpp {

using protocol::Iq;
using protocol::IqType;
using protocol::StanzaError;

IqRouter::IqRouter(StanzaChannel& channel, util::Loop& loop) : channel_(channel), loop_(loop) {}

IqRouter::~IqRouter() {
    for (auto& [id, p] : pending_) loop_.cancel(p.timer);
}

void IqRouter::registerHandler(IqType type, const std::string& name, const std::string& ns, Handler h) {
    (type == IqType::Get ? getHandlers_ : setHandlers_)[{name, ns}] = std::move(h);
}

void IqRouter::sendRequest(const Iq& request, util::Duration timeout, Callback cb) {
    // The answer is handled in the fault domain (conference) that asked (util/FaultDomain.h).
    cb = util::FaultDomain::bind(std::move(cb));
    if (!channel_.isConnected()) {
        // Nothing would answer: fail now (on the loop, never inside the caller) instead of at the timeout.
        loop_.post([cb = std::move(cb)] { cb(StanzaError::of("service-unavailable", "stream is down")); });
        return;
    }
    std::string id = request.id;
    util::TimerId timer = loop_.schedule(timeout, [this, id] {
        auto it = pending_.find(id);
        if (it == pending_.end()) return;
        Callback cb = std::move(it->second.cb);
        pending_.erase(it);
        cb(StanzaError::of("remote-server-timeout", "no reply in time"));
    });
    pending_[id] = Pending{request.to, std::move(cb), timer};
    channel_.send(request.toElement());
}

void IqRouter::handle(const xml::Element& stanza) {
    auto parsed = Iq::parse(stanza);
    if (!parsed) {
        // Answer get/set we can address; anything else (a bad result/error) can only be dropped.
        const std::string& type = stanza.attr("type");
        if ((type == "get" || type == "set") && !stanza.attr("id").empty() && stanza.hasAttr("from")) {
            Iq reply;
            reply.type = IqType::Error;
            reply.id = stanza.attr("id");
            if (auto from = util::Jid::parse(stanza.attr("from"))) reply.to = *from;
            reply.error = parsed.error();
            if (!reply.to.empty()) channel_.send(reply.toElement());
        }
        JLOG(debug) << "dropped malformed iq: " << parsed.error().text;
        return;
    }
    const Iq& iq = parsed.value();
    if (iq.type == IqType::Result || iq.type == IqType::Error)
        handleReply(iq);
    else
        handleRequest(iq);
}

void IqRouter::handleReply(const Iq& iq) {
    auto it = pending_.find(iq.id);
    if (it == pending_.end()) {
        JLOG(debug) << "reply to unknown iq " << iq.id << " from " << iq.from.str();
        return;
    }
    // Only the addressee may answer (a spoofed reply from elsewhere is ignored). An empty 'from' is the
    // server answering for the account itself.
    const util::Jid& expected = it->second.to;
    if (!(iq.from == expected || (iq.from.empty() && expected.empty()) ||
          (iq.from.empty() && expected == channel_.localJid().bare()))) {
        JLOG(warning) << "iq reply " << iq.id << " from " << iq.from.str() << " but sent to "
                      << expected.str();
        return;
    }
    Callback cb = std::move(it->second.cb);
    loop_.cancel(it->second.timer);
    pending_.erase(it);
    if (iq.type == IqType::Error)
        cb(iq.error.value_or(StanzaError::of("undefined-condition")));
    else
        cb(iq);
}

void IqRouter::handleRequest(const Iq& iq) {
    if (!iq.payload) {
        send(iq.errorReply(StanzaError::of("bad-request", "iq without a child element")));
        return;
    }
    auto& table = iq.type == IqType::Get ? getHandlers_ : setHandlers_;
    auto it = table.find({iq.payload->name(), iq.payload->ns()});
    if (it == table.end()) {
        send(iq.errorReply(StanzaError::of("feature-not-implemented")));
        return;
    }
    try {
        if (auto reply = it->second(iq)) send(*reply);
    } catch (const std::exception& e) {
        JLOG(error) << "handler for <" << iq.payload->name() << " xmlns='" << iq.payload->ns()
                    << "'> failed: " << e.what();
        send(iq.errorReply(StanzaError::of("internal-server-error")));
    }
}

void IqRouter::failAll(const std::string& reason) {
    auto pending = std::move(pending_);
    pending_.clear();
    for (auto& [id, p] : pending) {
        loop_.cancel(p.timer);
        p.cb(StanzaError::of("service-unavailable", reason));
    }
}

}  // namespace jicofo::xmpp
