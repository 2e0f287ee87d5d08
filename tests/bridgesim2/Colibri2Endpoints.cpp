// Colibri2Bridge: creating and updating one endpoint (docs/media.md §2b, "Update").
#include <algorithm>

#include "bridgesim/TransportFactory.h"
#include "bridgesim2/Colibri2Bridge.h"
#include "log/Log.h"

namespace jicofo::bridgesim2 {

using protocol::colibri2::Colibri2Error;

namespace {

Colibri2Error conflict(std::string text) {
    Colibri2Error e;
    e.stanza = protocol::StanzaError::of("conflict", std::move(text));
    return e;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string sourceNames(const protocol::colibri2::Sources& sources) {
    std::string out;
    for (const auto& m : sources.mediaSources) out += (out.empty() ? "" : " ") + m.id;
    return out;
}

}  // namespace

std::optional<Colibri2Error> Colibri2Bridge::createEndpoint(SimConference& conf,
                                                            const protocol::colibri2::Endpoint& req) {
    if (conf.endpoints.count(req.id)) return conflict("Endpoint with ID " + req.id + " already exists");
    if (!req.transport)
        return Colibri2Error::badRequest("Attempt to create endpoint " + req.id + " with no <transport>");
    if (!req.hasCapability(protocol::colibri2::kCapSourceNames))
        return Colibri2Error::badRequest("Source name support is mandatory.");
    if (const auto& sctp = req.transport->sctp) {
        if (!sctp->role.empty() && lower(sctp->role) != "server")
            return Colibri2Error::featureNotImplemented("Unsupported SCTP role: " + sctp->role);
        if (sctp->port && *sctp->port != 5000)
            return Colibri2Error::badRequest("Specific SCTP port requested, not supported.");
    }
    SimEndpoint ep;
    ep.id = req.id;
    ep.statsId = req.statsId;
    ep.iceControlling = req.transport->iceControlling.value_or(false);
    ep.sctp = req.transport->sctp.has_value();
    ep.local = transport_.create(conf.meetingId, req.id);
    conf.endpoints.emplace(req.id, std::move(ep));
    JLOG(info) << "bridgesim2: conference " << conf.meetingId << " endpoint " << req.id << " created";
    return std::nullopt;
}

std::string Colibri2Bridge::applyUpdate(SimEndpoint& ep, const protocol::colibri2::Endpoint& req) {
    std::string changed;
    for (const auto& m : req.medias) {
        if (std::find(ep.medias.begin(), ep.medias.end(), m.type) == ep.medias.end())
            ep.medias.push_back(m.type);
        for (const auto& pt : m.payloadTypes)
            if (std::find(ep.payloadTypes.begin(), ep.payloadTypes.end(), pt.id) == ep.payloadTypes.end())
                ep.payloadTypes.push_back(pt.id);
    }
    if (req.transport && req.transport->ice) {
        bridgesim::mergeRemoteTransport(ep.remote, *req.transport->ice);
        changed += " transport";
    }
    if (req.sources) {
        ep.sources = *req.sources;  // the complete set replaces the old one
        changed += " sources=[" + sourceNames(*req.sources) + "]";
    }
    if (req.forceMute) {
        ep.forceMute = req.forceMute;
        changed += " force-mute";
    }
    if (!req.create) ++ep.updates;
    return changed.empty() ? changed : changed.substr(1);
}

}  // namespace jicofo::bridgesim2
