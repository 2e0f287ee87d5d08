#include "bridgesim/ColibriBridge.h"

#include <random>
#include <regex>

#include "bridgesim/ChannelOps.h"
#include "log/Log.h"
#include "protocol/stanza/Namespaces.h"
#include "util/Ids.h"

namespace jicofo::bridgesim {

using protocol::ParseResult;
using protocol::StanzaError;
using Error = std::optional<StanzaError>;

namespace {

// What the 2015 bridge's XMPP library answered when the Colibri handler returned nothing: unknown
// conference, conference of another focus, unknown channel id (docs/media.md §2.6).
StanzaError notFound(const std::string& what) {
    return StanzaError::of("feature-not-implemented", what);
}

}  // namespace

ColibriBridge::ColibriBridge(BridgeConfig config) : config_(std::move(config)), transports_(config_) {}

ParseResult<colibri::ColibriConference> ColibriBridge::handle(const xml::Element& conference,
                                                              const util::Jid& from, util::TimePoint now) {
    auto parsed = colibri::ColibriConference::parse(conference);
    if (!parsed) return parsed.error();
    return handle(*parsed, from, now);
}

ParseResult<colibri::ColibriConference> ColibriBridge::handle(const colibri::ColibriConference& request,
                                                              const util::Jid& from, util::TimePoint now) {
    if (from.empty()) return StanzaError::of("not-authorized", "no sender");
    if (!config_.authorizedSourceRegexp.empty() &&
        !std::regex_match(from.str(), std::regex(config_.authorizedSourceRegexp)))
        return StanzaError::of("not-authorized", from.str() + " may not use this bridge");

    SimConference* conf = nullptr;
    if (request.id.empty()) {
        if (gracefulShutdown_) {
            StanzaError e = StanzaError::of("service-unavailable", "graceful shutdown in progress");
            e.appSpecific = xml::Element("graceful-shutdown", protocol::ns::kColibri);
            return e;
        }
        conf = &createConference(from, now);
    } else {
        auto it = conferences_.find(request.id);
        if (it == conferences_.end() || it->second->focus != from)
            return notFound("no conference " + request.id);
        conf = it->second.get();
    }
    if (!request.name.empty()) conf->name = request.name;
    struct DropBundles {  // also when a later part of the request fails
        SimConference& conf;
        ~DropBundles() { conf.dropUnusedBundles(); }
    } dropBundles{*conf};

    colibri::ColibriConference response;
    response.id = conf->id;
    response.name = conf->name;
    response.gracefulShutdown = gracefulShutdown_;
    for (const auto& reqContent : request.contents) {
        colibri::ColibriContent& respContent = response.contents.emplace_back();
        respContent.name = reqContent.name;
        if (Error e = handleContent(*conf, reqContent, respContent, now)) return *e;
    }
    // A channel-bundle update feeds the bundle's ICE; an unknown bundle id is ignored.
    for (const auto& b : request.channelBundles)
        if (SimBundle* bundle = conf->bundle(b.id); bundle && b.transport) {
            if (!bundle->remote) bundle->remote.emplace();
            mergeRemoteTransport(*bundle->remote, *b.transport);
        }
    // Every channel-bundle of the conference, the other endpoints' too.
    conf->dropUnusedBundles();
    for (const auto& b : conf->bundles) response.channelBundles.push_back(describeBundle(b));
    return response;
}

Error ColibriBridge::handleContent(SimConference& conf, const colibri::ColibriContent& req,
                                   colibri::ColibriContent& response, util::TimePoint now) {
    // Contents spring into existence when mentioned (2015 getOrCreateContent).
    SimContent* content = &getOrCreateContent(conf, req.name, now);
    for (const auto& ch : req.channels)
        if (Error e = handleChannel(conf, *content, ch, response, now)) return e;
    for (const auto& sctp : req.sctpConnections)
        if (Error e = handleSctp(conf, *content, sctp, response, now)) return e;
    return std::nullopt;
}

Error ColibriBridge::handleChannel(SimConference& conf, SimContent& content, const colibri::Channel& req,
                                   colibri::ColibriContent& response, util::TimePoint now) {
    if (hasUnsupportedTransport(req.extraChildren))
        return StanzaError::of("internal-server-error", "unsupported transport namespace");
    SimRtpChannel* channel = nullptr;
    if (req.id.empty()) {
        // expire='0' on a channel without id asks to expire nothing: the 2015 bridge failed the request.
        if (req.expire && *req.expire == 0) return notFound("expire='0' on a channel without id");
        SimRtpChannel& created = content.channels.emplace_back();
        created.id = util::randomHex(8);
        created.expireSeconds = config_.defaultExpireSeconds;
        created.initiator = req.initiator.value_or(true);
        created.bundleId = req.channelBundleId;
        if (created.bundleId.empty()) {
            auto kind = req.transport ? req.transport->kind : jingle::Transport::Kind::IceUdp;
            created.local = transports_.create(kind, 2, false);
        }
        channel = &created;
        JLOG(debug) << "bridgesim: channel " << created.id << " in " << conf.id << "/" << content.name;
    } else {
        channel = content.channel(req.id);
        if (!channel) return notFound("no channel " + req.id + " in content " + content.name);
    }
    if (req.expire) {
        channel->expireSeconds = *req.expire;
        if (*req.expire == 0) {
            std::string id = channel->id;
            content.channels.erase(std::find_if(content.channels.begin(), content.channels.end(),
                                                [&](const SimRtpChannel& c) { return c.id == id; }));
            conf.lastActivity = now;
            return std::nullopt;
        }
    }
    if (Error e = applyChannelRequest(*channel, req)) return e;
    if (!channel->bundleId.empty()) getOrCreateBundle(conf, channel->bundleId);
    if (req.transport) {
        SimBundle* bundle = channel->bundleId.empty() ? nullptr : conf.bundle(channel->bundleId);
        auto& remote = bundle ? bundle->remote : channel->remote;
        if (!remote) remote.emplace();
        mergeRemoteTransport(*remote, *req.transport);
    }
    conf.touch(content, *channel, now);
    response.channels.push_back(describeChannel(*channel, content));
    return std::nullopt;
}

Error ColibriBridge::handleSctp(SimConference& conf, SimContent& content, const colibri::SctpConnection& req,
                                colibri::ColibriContent& response, util::TimePoint now) {
    if (hasUnsupportedTransport(req.extraChildren))
        return StanzaError::of("internal-server-error", "unsupported transport namespace");
    bool expireNow = req.expire && *req.expire == 0;
    SimSctpConnection* sctp = nullptr;
    if (req.id.empty()) {
        // Without an id the endpoint names the connection (a legacy way the 2015 bridge still accepted).
        sctp = req.endpoint.empty() ? nullptr : content.sctpConnectionOf(req.endpoint);
        if (!sctp) {
            if (expireNow) return std::nullopt;
            SimSctpConnection& created = content.sctpConnections.emplace_back();
            created.id = util::randomHex(8);
            created.endpoint = req.endpoint;
            created.expireSeconds = config_.defaultExpireSeconds;
            created.initiator = req.initiator.value_or(true);
            created.port = req.port;
            created.bundleId = req.channelBundleId;
            if (created.bundleId.empty())
                created.local = transports_.create(jingle::Transport::Kind::IceUdp, 1, false);
            sctp = &created;
        }
    } else {
        sctp = content.sctpConnection(req.id);
        // Expiring a gone connection is fine; touching one was a NullPointerException in 2015.
        if (!sctp && expireNow) return std::nullopt;
        if (!sctp) return StanzaError::of("internal-server-error", "no sctpconnection " + req.id);
        if (!req.endpoint.empty()) sctp->endpoint = req.endpoint;
    }
    if (req.expire) {
        sctp->expireSeconds = *req.expire;
        if (expireNow) {
            std::string id = sctp->id;
            content.sctpConnections.erase(
                std::find_if(content.sctpConnections.begin(), content.sctpConnections.end(),
                             [&](const SimSctpConnection& c) { return c.id == id; }));
            conf.lastActivity = now;
            return std::nullopt;
        }
    }
    if (req.initiator) sctp->initiator = *req.initiator;
    if (!sctp->bundleId.empty()) getOrCreateBundle(conf, sctp->bundleId);
    if (req.transport) {
        SimBundle* bundle = sctp->bundleId.empty() ? nullptr : conf.bundle(sctp->bundleId);
        auto& remote = bundle ? bundle->remote : sctp->remote;
        if (!remote) remote.emplace();
        mergeRemoteTransport(*remote, *req.transport);
    }
    conf.touch(content, *sctp, now);
    response.sctpConnections.push_back(describeSctp(*sctp));
    return std::nullopt;
}

SimConference& ColibriBridge::createConference(const util::Jid& focus, util::TimePoint now) {
    auto conf = std::make_unique<SimConference>();
    conf->id = util::randomHex(8);
    conf->focus = focus;
    conf->lastActivity = now;
    SimConference& ref = *conf;
    order_.push_back(conf->id);
    conferences_.emplace(conf->id, std::move(conf));
    JLOG(info) << "bridgesim: created conference " << ref.id << " for " << focus.str();
    return ref;
}

SimContent& ColibriBridge::getOrCreateContent(SimConference& conf, const std::string& name,
                                              util::TimePoint now) {
    if (SimContent* c = conf.content(name)) return *c;
    SimContent& c = conf.contents.emplace_back();
    c.name = name;
    c.bridgeSsrc = newSsrc();
    c.lastActivity = now;
    return c;
}

SimBundle& ColibriBridge::getOrCreateBundle(SimConference& conf, const std::string& id) {
    if (SimBundle* b = conf.bundle(id)) return *b;
    SimBundle& b = conf.bundles.emplace_back();
    b.id = id;
    b.local = transports_.create(jingle::Transport::Kind::IceUdp, 1, true);
    return b;
}

uint32_t ColibriBridge::newSsrc() {
    static thread_local std::mt19937 rng{std::random_device{}()};
    // Like libjitsi: any 32-bit value but 0.
    uint32_t ssrc = 0;
    while (ssrc == 0) ssrc = rng();
    return ssrc;
}

std::vector<const SimConference*> ColibriBridge::conferences() const {
    std::vector<const SimConference*> out;
    for (const auto& id : order_) out.push_back(conferences_.at(id).get());
    return out;
}

const SimConference* ColibriBridge::conference(const std::string& id) const {
    auto it = conferences_.find(id);
    return it == conferences_.end() ? nullptr : it->second.get();
}

size_t ColibriBridge::channelCount() const {
    size_t n = 0;
    for (const auto& [id, conf] : conferences_) n += conf->channelCount();
    return n;
}

void ColibriBridge::removeConference(const std::string& id) {
    auto it = conferences_.find(id);
    if (it == conferences_.end()) return;
    JLOG(info) << "bridgesim: expired conference " << id << " (" << it->second->channelCount()
               << " channels)";
    if (onRemoved_) onRemoved_(*it->second);
    conferences_.erase(it);
    order_.erase(std::find(order_.begin(), order_.end(), id));
}

}  // namespace jicofo::bridgesim
