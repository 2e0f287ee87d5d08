#include "xmpp/IqRouter.h"

#include <vector>

#include "log/Log.h"
#include "util/FaultDomain.h"

namespace jicofo::xmpp {

using protocol::Iq;
using protocol::IqType;
using protocol::StanzaError;

IqRouter::IqRouter(StanzaChannel& channel, util::Loop& loop) : channel_(channel), loop_(loop) {}

IqRouter::~IqRouter() {
    for (auto& [id, p] : pending_)
        if (p.timer) loop_.cancel(*p.timer);
}

void IqRouter::registerHandler(IqType type, const std::string& name, const std::string& ns, Handler h) {
    (type == IqType::Get ? getHandlers_ : setHandlers_)[{name, ns}] = std::move(h);
}

void IqRouter::sendRequest(Iq request, util::Duration timeout, Callback cb, OwnerId owner) {
    // The answer is handled in the fault domain (conference) that asked (util/FaultDomain.h).
    cb = util::FaultDomain::bind(std::move(cb));
    std::string id = request.id;
    if (!channel_.isConnected()) {
        // Nothing would answer: fail now (on the loop, never inside the caller) instead of at the timeout.
        // Still pending until then, so its owner can cancel it.
        pending_[id] = Pending{request.to, std::move(cb), std::nullopt, owner};
        loop_.post([self = std::weak_ptr<IqRouter*>(self_), id] {
            if (auto r = self.lock())
                (*r)->complete(id, StanzaError::of("service-unavailable", "stream is down"));
        });
        return;
    }
    util::TimerId timer = loop_.schedule(timeout, [this, id] {
        auto it = pending_.find(id);
        if (it == pending_.end()) return;
        it->second.timer.reset();
        complete(id, StanzaError::of("remote-server-timeout", "no reply in time"));
    });
    pending_[id] = Pending{request.to, std::move(cb), timer, owner};
    channel_.send(std::move(request).toElement());
}

void IqRouter::complete(const std::string& id, util::Result<Iq, StanzaError> reply) {
    auto it = pending_.find(id);
    if (it == pending_.end()) return;
    Callback cb = std::move(it->second.cb);
    if (it->second.timer) loop_.cancel(*it->second.timer);
    pending_.erase(it);
    cb(std::move(reply));
}

void IqRouter::cancelOwner(OwnerId owner) {
    if (owner == 0) return;
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->second.owner != owner) {
            ++it;
            continue;
        }
        if (it->second.timer) loop_.cancel(*it->second.timer);
        it = pending_.erase(it);
    }
}

void IqRouter::handle(const xml::Element& stanza) {
    auto parsed = Iq::parse(stanza);
    if (!parsed) return refuseMalformed(stanza, parsed.error());
    dispatch(std::move(parsed.value()));
}

void IqRouter::handle(xml::Element&& stanza) {
    auto parsed = Iq::parse(std::move(stanza));  // only the payload is moved out; the envelope stays readable
    if (!parsed) return refuseMalformed(stanza, parsed.error());
    dispatch(std::move(parsed.value()));
}

void IqRouter::refuseMalformed(const xml::Element& stanza, const StanzaError& why) {
    // Answer get/set we can address; anything else (a bad result/error) can only be dropped.
    const std::string& type = stanza.attr("type");
    if ((type == "get" || type == "set") && !stanza.attr("id").empty() && stanza.hasAttr("from")) {
        Iq reply;
        reply.type = IqType::Error;
        reply.id = stanza.attr("id");
        if (auto from = util::Jid::parse(stanza.attr("from"))) reply.to = *from;
        reply.error = why;
        if (!reply.to.empty()) channel_.send(reply.toElement());
    }
    JLOG(debug) << "dropped malformed iq: " << why.text;
}

void IqRouter::dispatch(Iq&& iq) {
    if (iq.type == IqType::Result || iq.type == IqType::Error)
        handleReply(std::move(iq));
    else
        handleRequest(iq);
}

void IqRouter::handleReply(Iq&& iq) {
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
    if (iq.type == IqType::Error)
        complete(iq.id, iq.error.value_or(StanzaError::of("undefined-condition")));
    else {
        std::string id = iq.id;  // read before the move: argument order is unspecified
        complete(id, std::move(iq));
    }
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
        if (auto reply = it->second(iq)) send(std::move(*reply));
    } catch (const std::exception& e) {
        JLOG(error) << "handler for <" << iq.payload->name() << " xmlns='" << iq.payload->ns()
                    << "'> failed: " << e.what();
        send(iq.errorReply(StanzaError::of("internal-server-error")));
    }
}

void IqRouter::failAll(const std::string& reason) {
    // One at a time by id: a callback may end an owner, which cancels its other requests before they run.
    std::vector<std::string> ids;
    ids.reserve(pending_.size());
    for (const auto& [id, p] : pending_) ids.push_back(id);
    for (const auto& id : ids) complete(id, StanzaError::of("service-unavailable", reason));
}

}  // namespace jicofo::xmpp
