#include "bridgesim2/Colibri2Bridge.h"

#include <random>
#include <tuple>

#include "log/Log.h"

namespace jicofo::bridgesim2 {

using protocol::colibri2::Colibri2Error;
using protocol::colibri2::ConferenceModified;
using protocol::colibri2::ConferenceModify;
using protocol::colibri2::MediaSource;
using protocol::colibri2::Sources;

namespace {

uint32_t randomSsrc() {
    static std::mt19937 rng{std::random_device{}()};
    return std::uniform_int_distribution<uint32_t>(1, 0xfffffffe)(rng);
}

std::string describe(const Colibri2Error& e) {
    std::string d = e.stanza.condition;
    if (e.reason) d += std::string(" ") + protocol::colibri2::toString(*e.reason);
    return d;
}

}  // namespace

Colibri2Bridge::Colibri2Bridge(TransportSettings transport) : transport_(std::move(transport)) {}

size_t Colibri2Bridge::endpointCount() const {
    size_t n = 0;
    for (const auto& [id, c] : conferences_) n += c.endpoints.size();
    return n;
}

Colibri2Bridge::Answer Colibri2Bridge::handle(const ConferenceModify& req, const std::string& from,
                                              util::TimePoint now) {
    ++requests_;
    auto it = conferences_.find(req.meetingId);
    if (req.create) {
        if (refuseNew_) return fail(req.meetingId, {}, Colibri2Error::gracefulShutdown());
        if (it != conferences_.end())
            return fail(req.meetingId, {}, Colibri2Error::conferenceAlreadyExists(req.meetingId));
        SimConference conf;
        conf.meetingId = req.meetingId;
        conf.name = req.name;
        conf.focus = from;
        conf.audioSsrc = randomSsrc();
        conf.videoSsrc = randomSsrc();
        it = conferences_.emplace(req.meetingId, std::move(conf)).first;
        record("conference-create", req.meetingId, {}, req.name);
    } else if (it == conferences_.end()) {
        return fail(req.meetingId, {}, Colibri2Error::conferenceNotFound(req.meetingId));
    }
    SimConference& conf = it->second;
    conf.lastActivity = now;
    ConferenceModified resp;
    bool createdEndpoint = false;
    for (const auto& ep : req.endpoints) {
        if (auto err = handleEndpoint(conf, ep, resp)) return fail(req.meetingId, ep.id, *err);
        createdEndpoint = createdEndpoint || ep.create;
    }
    if (req.create || createdEndpoint) resp.sources = feedbackSources(conf);
    if (req.expire)
        expireConference(req.meetingId, "request");
    else if (!req.create && conf.endpoints.empty())
        expireConference(req.meetingId, "empty");
    return resp;
}

std::optional<Colibri2Error> Colibri2Bridge::handleEndpoint(SimConference& conf,
                                                            const protocol::colibri2::Endpoint& req,
                                                            ConferenceModified& resp) {
    protocol::colibri2::Endpoint out;
    out.id = req.id;
    if (req.expire) {
        if (conf.endpoints.erase(req.id)) record("endpoint-expire", conf.meetingId, req.id);
        out.expire = true;
        resp.endpoints.push_back(std::move(out));
        return std::nullopt;
    }
    if (req.create) {
        if (auto err = createEndpoint(conf, req)) return err;
    } else if (!conf.endpoints.count(req.id)) {
        return Colibri2Error::unknownEndpoint(req.id);
    }
    SimEndpoint& ep = conf.endpoints.at(req.id);
    record(req.create ? "endpoint-create" : "endpoint-update", conf.meetingId, req.id, applyUpdate(ep, req));
    if (req.create) {
        out.transport = protocol::colibri2::Colibri2Transport{};
        out.transport->ice = ep.local;
        if (ep.sctp) out.transport->sctp = protocol::colibri2::Sctp::serverDefault();
    }
    resp.endpoints.push_back(std::move(out));
    return std::nullopt;
}

Colibri2Bridge::Answer Colibri2Bridge::fail(const std::string& meetingId, const std::string& endpoint,
                                            Colibri2Error e) {
    JLOG(info) << "bridgesim2: conference " << meetingId << (endpoint.empty() ? "" : " endpoint " + endpoint)
               << ": " << describe(e) << " (" << e.stanza.text << ")";
    record("error", meetingId, endpoint, describe(e));
    return e;
}

void Colibri2Bridge::expireConference(const std::string& meetingId, const std::string& why) {
    if (!conferences_.erase(meetingId)) return;
    JLOG(info) << "bridgesim2: conference " << meetingId << " expired (" << why << ")";
    record("conference-expire", meetingId, {}, why);
}

void Colibri2Bridge::sweep(util::TimePoint now, util::Duration emptyIdle) {
    std::vector<std::string> idle;
    for (const auto& [id, c] : conferences_)
        if (c.endpoints.empty() && now - c.lastActivity >= emptyIdle) idle.push_back(id);
    for (const auto& id : idle) expireConference(id, "idle");
}

void Colibri2Bridge::record(std::string kind, std::string meetingId, std::string endpoint,
                            std::string detail) {
    events_.push_back(
        {nextEvent_++, std::move(kind), std::move(meetingId), std::move(endpoint), std::move(detail)});
    while (events_.size() > kMaxEvents) events_.pop_front();
}

Sources Colibri2Bridge::feedbackSources(const SimConference& conf) const {
    Sources s;
    for (auto [type, id, ssrc] :
         {std::tuple{"audio", "jvb-a0", conf.audioSsrc}, std::tuple{"video", "jvb-v0", conf.videoSsrc}}) {
        MediaSource m = MediaSource::single(type, id, ssrc);
        m.sources[0].setParam("msid", std::string("mixedmslabel mixedlabel") + type + "0");
        s.mediaSources.push_back(std::move(m));
    }
    return s;
}

}  // namespace jicofo::bridgesim2
