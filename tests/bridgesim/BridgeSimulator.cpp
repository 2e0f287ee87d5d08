#include "bridgesim/BridgeSimulator.h"

#include <sys/utsname.h>

#include <algorithm>

#include "bridgesim/BridgeStats.h"
#include "bridgesim/LiveListing.h"
#include "log/Log.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/jingle/JingleNamespaces.h"
#include "protocol/stanza/Namespaces.h"

namespace jicofo::bridgesim {

using protocol::Iq;
using protocol::IqType;
using protocol::StanzaError;
namespace ns = protocol::ns;

namespace {

constexpr const char* kVersionNs = "jabber:iq:version";

std::string osName() {
    utsname u{};
    return uname(&u) == 0 ? std::string(u.sysname) : "Linux";
}

}  // namespace

BridgeSimulator::BridgeSimulator(xmpp::StanzaChannel& channel, util::Loop& loop, Options options)
    : channel_(channel),
      loop_(loop),
      options_(std::move(options)),
      bridge_(options_.bridge),
      switches_(options_.switches),
      router_(channel, loop) {
    bridge_.setGracefulShutdown(switches_.gracefulShutdown);
    if (!options_.pubsub.service.empty())
        publisher_ = std::make_unique<StatsPublisher>(router_, loop_, bridge_, options_.pubsub);
    registerHandlers();
}

BridgeSimulator::~BridgeSimulator() {
    if (sweepTimer_) loop_.cancel(sweepTimer_);
    for (auto id : delayed_) loop_.cancel(id);
}

std::vector<std::string> BridgeSimulator::features() {
    namespace jns = protocol::jingle::ns;
    return {ns::kDiscoInfo, ns::kPing, ns::kColibri, jns::kDtls, jns::kIceUdp, jns::kRawUdp, kVersionNs};
}

void BridgeSimulator::start() {
    scheduleSweep();
}

void BridgeSimulator::scheduleSweep() {
    sweepTimer_ = loop_.schedule(options_.sweepInterval, [this] {
        bridge_.sweep(loop_.now());
        scheduleSweep();
    });
}

void BridgeSimulator::handle(IqType type, const std::string& name, const std::string& ns, Reply reply) {
    router_.registerHandler(type, name, ns, [this, reply](const Iq& request) -> std::optional<Iq> {
        Iq answer = reply(request);
        if (switches_.delayMs == 0) return answer;
        // A slow bridge: the answer leaves later, other requests are served meanwhile.
        auto id = std::make_shared<util::TimerId>(0);
        *id = loop_.schedule(util::Duration(switches_.delayMs), [this, answer, id] {
            delayed_.erase(std::remove(delayed_.begin(), delayed_.end(), *id), delayed_.end());
            router_.send(answer);
        });
        delayed_.push_back(*id);
        return std::nullopt;
    });
}

void BridgeSimulator::registerHandlers() {
    handle(IqType::Get, "query", ns::kDiscoInfo, [](const Iq& request) {
        if (!request.payload->attr("node").empty())
            return request.errorReply(StanzaError::of("item-not-found"));
        protocol::DiscoInfo info;
        info.identities.push_back({"component", "conference", "JitsiVideobridge"});
        info.features = features();
        return request.result(info.toElement());
    });
    handle(IqType::Get, "query", ns::kDiscoItems,
           [](const Iq& request) { return request.result(protocol::DiscoItems{}.toElement()); });
    handle(IqType::Get, "ping", ns::kPing, [](const Iq& request) { return request.result(); });
    handle(IqType::Get, "query", kVersionNs, [this](const Iq& request) {
        xml::Element q("query", kVersionNs);
        q.addChild("name").setText("JitsiVideobridge");
        q.addChild("version").setText(options_.version);
        q.addChild("os").setText(osName());
        return request.result(q);
    });
    for (IqType type : {IqType::Get, IqType::Set})
        handle(type, "conference", ns::kColibri, [this](const Iq& request) { return colibri(request); });
    handle(IqType::Get, "stats", ns::kColibri,
           [this](const Iq& request) { return request.result(statsAnswer(bridge_)); });
    // The control IQ is never delayed: tests must be able to turn the delay off again.
    for (IqType type : {IqType::Get, IqType::Set})
        router_.registerHandler(type, "control", kBridgeSimNs,
                                [this](const Iq& request) { return std::optional<Iq>(control(request)); });
}

Iq BridgeSimulator::colibri(const Iq& request) {
    auto conf = protocol::colibri::ColibriConference::parse(*request.payload);
    if (!conf) return request.errorReply(conf.error());
    if (switches_.refuseAllocations && isAllocation(*conf)) {
        JLOG(info) << "bridgesim: refusing an allocation from " << request.from.str();
        return request.errorReply(StanzaError::of(switches_.refuseCondition, "allocations refused (test)"));
    }
    auto resp = bridge_.handle(*conf, request.from, loop_.now());
    if (!resp) {
        JLOG(info) << "bridgesim: colibri request from " << request.from.str()
                   << " failed: " << resp.error().condition << " " << resp.error().text;
        return request.errorReply(resp.error());
    }
    return request.result(resp->toElement());
}

Iq BridgeSimulator::control(const Iq& request) {
    auto req = ControlRequest::parse(*request.payload);
    if (!req) return request.errorReply(req.error());
    if (request.type == IqType::Set) {
        req->applyTo(switches_);
        bridge_.setGracefulShutdown(switches_.gracefulShutdown);
        if (req->sweep) bridge_.sweep(loop_.now());
        JLOG(info) << "bridgesim: control " << req->toElement().toString();
        if (req->disconnect) {
            int64_t after = req->reconnectAfterMs;
            // After this answer has gone out.
            loop_.post([this, after] { disconnect(after); });
        }
    }
    return request.result(describeSwitches(switches_));
}

void BridgeSimulator::disconnect(int64_t reconnectAfterMs) {
    JLOG(info) << "bridgesim: disconnecting"
               << (reconnectAfterMs < 0 ? ", staying away"
                                        : ", back in " + std::to_string(reconnectAfterMs) + " ms");
    if (onDisconnect_) onDisconnect_(reconnectAfterMs);
}

void BridgeSimulator::onConnected(const util::Jid& localJid) {
    JLOG(info) << "bridgesim: connected as " << localJid.str();
    if (publisher_) publisher_->start(localJid.str());
}

void BridgeSimulator::onDisconnected(const std::string& reason) {
    // A stream stopped on request may report after its successor is already up: nothing to undo then.
    if (channel_.isConnected()) {
        JLOG(debug) << "bridgesim: late disconnect of a replaced stream: " << reason;
        return;
    }
    JLOG(info) << "bridgesim: disconnected: " << reason;
    if (publisher_) publisher_->stop();
    router_.failAll(reason);
}

void BridgeSimulator::onStanza(const xml::Element& stanza) {
    if (stanza.name() != "iq") return;  // presences and messages mean nothing to a 2015 bridge
    const std::string& type = stanza.attr("type");
    bool request = type == "get" || type == "set";
    if (switches_.silent && request) {
        const xml::Element* child = stanza.children().empty() ? nullptr : &stanza.children().front();
        if (!child || !ControlRequest::isControl(*child)) {
            JLOG(debug) << "bridgesim: silent, swallowing iq " << stanza.attr("id");
            return;
        }
    }
    router_.handle(stanza);
}

}  // namespace jicofo::bridgesim
