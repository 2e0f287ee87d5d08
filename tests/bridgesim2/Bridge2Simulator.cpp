#include "bridgesim2/Bridge2Simulator.h"

#include <algorithm>

#include "bridgesim2/BreweryPresence.h"
#include "bridgesim2/Bridge2Listing.h"
#include "log/Log.h"
#include "protocol/colibri2/Colibri2Namespaces.h"
#include "protocol/colibri2/HealthCheck.h"
#include "protocol/muc/MucPresence.h"
#include "protocol/stanza/Namespaces.h"

namespace jicofo::bridgesim2 {

using protocol::Iq;
using protocol::IqType;
using protocol::StanzaError;
namespace c2ns = protocol::colibri2::ns;

Bridge2Simulator::Bridge2Simulator(xmpp::StanzaChannel& channel, util::Loop& loop, Options options)
    : channel_(channel),
      loop_(loop),
      options_(std::move(options)),
      state_(options_.state),
      bridge_(options_.transport),
      router_(channel, loop) {
    bridge_.setRefuseNewConferences(state_.stats.gracefulShutdown || state_.stats.shuttingDown);
    registerHandlers();
}

Bridge2Simulator::~Bridge2Simulator() {
    for (auto id : {publishTimer_, sweepTimer_, rejoinTimer_})
        if (id) loop_.cancel(id);
    for (auto id : delayed_) loop_.cancel(id);
}

void Bridge2Simulator::start() {
    scheduleSweep();
    schedulePublish();
}

void Bridge2Simulator::scheduleSweep() {
    sweepTimer_ = loop_.schedule(options_.sweepInterval, [this] {
        bridge_.sweep(loop_.now(), options_.emptyIdle);
        scheduleSweep();
    });
}

void Bridge2Simulator::schedulePublish() {
    publishTimer_ = loop_.schedule(options_.statsInterval, [this] {
        if (joined_) publishStats();
        schedulePublish();
    });
}

void Bridge2Simulator::handle(IqType type, const std::string& name, const std::string& ns, Reply reply) {
    router_.registerHandler(type, name, ns, [this, reply](const Iq& request) -> std::optional<Iq> {
        std::optional<Iq> answer = reply(request);
        if (!answer || state_.switches.delayMs == 0) return answer;
        // A slow bridge: the answer leaves later, other requests are served meanwhile.
        auto id = std::make_shared<util::TimerId>(0);
        *id = loop_.schedule(util::Duration(state_.switches.delayMs), [this, a = *answer, id] {
            delayed_.erase(std::remove(delayed_.begin(), delayed_.end(), *id), delayed_.end());
            router_.send(a);
        });
        delayed_.push_back(*id);
        return std::nullopt;
    });
}

void Bridge2Simulator::registerHandlers() {
    for (IqType type : {IqType::Get, IqType::Set})
        handle(type, "conference-modify", c2ns::kColibri2,
               [this](const Iq& r) { return conferenceModify(r); });
    handle(IqType::Get, "healthcheck", c2ns::kHealthCheck, [this](const Iq& r) -> std::optional<Iq> {
        if (state_.stats.healthy) return r.result();
        return r.errorReply(StanzaError::of("internal-server-error", "unhealthy (bridgesim2 control)"));
    });
    handle(IqType::Get, "ping", protocol::ns::kPing,
           [](const Iq& r) -> std::optional<Iq> { return r.result(); });
    // Control and listing are never delayed: tests must be able to switch the delay off again.
    for (IqType type : {IqType::Get, IqType::Set})
        router_.registerHandler(type, "control", kBridgeSim2Ns, [this](const Iq& r) { return control(r); });
    router_.registerHandler(IqType::Get, "live", kBridgeSim2Ns, [this](const Iq& r) -> std::optional<Iq> {
        return r.result(Listing::of(bridge_).toElement());
    });
}

std::optional<Iq> Bridge2Simulator::conferenceModify(const Iq& request) {
    auto req = protocol::colibri2::ConferenceModify::parse(*request.payload);
    if (!req) return request.errorReply(req.error());
    auto answer = bridge_.handle(*req, request.from.str(), loop_.now());
    if (answer) return request.result(answer->toElement());
    const auto& error = answer.error();
    if (error.endpointId.empty()) return request.errorReply(error.toStanzaError());
    // unknown_endpoint names the endpoint beside the reason, which a StanzaError cannot carry: sent here.
    xml::Element stanza = request.errorReply(error.toStanzaError()).toElement();
    stanza.child("error")->addChild(error.toElement().children().back());
    channel_.send(stanza);
    return std::nullopt;
}

Iq Bridge2Simulator::control(const Iq& request) {
    auto req = ControlRequest::parse(*request.payload);
    if (!req) return request.errorReply(req.error());
    if (request.type == IqType::Set) {
        req->applyTo(state_);
        bridge_.setRefuseNewConferences(state_.stats.gracefulShutdown || state_.stats.shuttingDown);
        JLOG(info) << "bridgesim2: control " << req->toElement().toString();
        if (req->sweep) bridge_.sweep(loop_.now(), options_.emptyIdle);
        if (req->changesStats() && joined_) publishStats();
        if (req->leave) {
            int64_t after = req->rejoinAfterMs;
            loop_.post([this, after] { leave(after); });  // after this answer has gone out
        }
    }
    return request.result(describeState(state_));
}

std::vector<xml::Element> Bridge2Simulator::presenceExtensions() const {
    return {breweryStats(state_.stats, bridge_).toElement()};
}

void Bridge2Simulator::join() {
    if (!channel_.isConnected() || joined_ || joining_) return;
    joining_ = true;
    JLOG(info) << "bridgesim2: joining the brewery as " << occupantJid().str();
    channel_.send(protocol::makeMucJoin(occupantJid(), presenceExtensions()));
}

void Bridge2Simulator::leave(int64_t rejoinAfterMs) {
    if (joined_ || joining_) channel_.send(protocol::makeMucLeave(occupantJid()));
    joined_ = joining_ = false;
    JLOG(info) << "bridgesim2: left the brewery"
               << (rejoinAfterMs < 0 ? "" : ", back in " + std::to_string(rejoinAfterMs) + " ms");
    if (rejoinTimer_) loop_.cancel(rejoinTimer_);
    rejoinTimer_ = 0;
    if (rejoinAfterMs >= 0)
        rejoinTimer_ = loop_.schedule(util::Duration(rejoinAfterMs), [this] {
            rejoinTimer_ = 0;
            join();
        });
}

void Bridge2Simulator::publishStats() {
    channel_.send(protocol::makeMucUpdate(occupantJid(), presenceExtensions()));
}

void Bridge2Simulator::onBreweryPresence(const xml::Element& stanza) {
    auto p = protocol::MucPresence::parse(stanza);
    if (!p || p->from != occupantJid()) return;  // other occupants mean nothing to a bridge
    if (p->error) {
        JLOG(warning) << "bridgesim2: the brewery refused " << occupantJid().str() << ": "
                      << p->error->condition << " " << p->error->text;
        joined_ = joining_ = false;
    } else if (p->unavailable) {
        if (joined_) JLOG(info) << "bridgesim2: removed from the brewery";
        joined_ = joining_ = false;
    } else if (!joined_) {
        joined_ = true;
        joining_ = false;
        JLOG(info) << "bridgesim2: joined the brewery as " << occupantJid().str();
    }
}

void Bridge2Simulator::onConnected(const util::Jid& localJid) {
    JLOG(info) << "bridgesim2: connected as " << localJid.str();
    join();
}

void Bridge2Simulator::onDisconnected(const std::string& reason) {
    JLOG(info) << "bridgesim2: disconnected: " << reason;
    joined_ = joining_ = false;
    router_.failAll(reason);
}

void Bridge2Simulator::onStanza(const xml::Element& stanza) {
    if (stanza.name() == "presence") {
        if (protocol::fromOf(stanza).bare() == options_.brewery) onBreweryPresence(stanza);
        return;
    }
    if (stanza.name() != "iq") return;
    const std::string& type = stanza.attr("type");
    if (state_.switches.silent && (type == "get" || type == "set")) {
        const xml::Element* child = stanza.children().empty() ? nullptr : &stanza.children().front();
        if (!child || child->ns() != kBridgeSim2Ns) {
            JLOG(debug) << "bridgesim2: silent, swallowing iq " << stanza.attr("id");
            return;
        }
    }
    router_.handle(stanza);
}

}  // namespace jicofo::bridgesim2
