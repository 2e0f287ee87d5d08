#include "bridgesim/ChannelOps.h"

#include <algorithm>
#include <cctype>

#include "protocol/jingle/AttrReader.h"

namespace jicofo::bridgesim {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

void applySources(SimRtpChannel& channel, const colibri::Channel& req) {
    if (!req.sources.empty()) {
        channel.sources.clear();
        for (const auto& s : req.sources)
            if (s.ssrc) channel.sources.push_back(s);
    }
    if (!req.groups.empty()) {
        channel.groups.clear();
        for (const auto& g : req.groups)
            if (!g.ssrcs.empty()) channel.groups.push_back(g);
    }
}

void describeCommon(const SimChannelBase& c, std::string& id, std::string& endpoint, std::string& bundleId,
                    std::optional<uint32_t>& expire, std::optional<bool>& initiator,
                    std::optional<jingle::Transport>& transport) {
    id = c.id;
    endpoint = c.endpoint;
    expire = c.expireSeconds;
    initiator = c.initiator;
    // A bundled channel's transport is described once, in its channel-bundle.
    if (!c.bundleId.empty())
        bundleId = c.bundleId;
    else
        transport = c.local;
}

}  // namespace

std::optional<protocol::StanzaError> applyChannelRequest(SimRtpChannel& channel,
                                                         const colibri::Channel& req) {
    std::string direction = req.direction.empty() ? "sendrecv" : lower(req.direction);
    if (direction != "sendrecv" && direction != "sendonly" && direction != "recvonly" &&
        direction != "inactive")
        return jingle::badRequest("unknown channel direction '" + req.direction + "'");
    if (!req.endpoint.empty()) channel.endpoint = req.endpoint;
    if (req.lastN) channel.lastN = req.lastN;
    if (req.adaptiveLastN) channel.adaptiveLastN = req.adaptiveLastN;
    std::string mode = upper(req.simulcastMode);
    if (mode == "REWRITING" || mode == "SWITCHING") channel.simulcastMode = mode;
    if (!req.payloadTypes.empty()) channel.payloadTypes = req.payloadTypes;
    if (!req.hdrExts.empty()) channel.hdrExts = req.hdrExts;
    channel.direction = direction;
    applySources(channel, req);
    if (req.receiveSimulcastLayer) channel.receiveSimulcastLayer = req.receiveSimulcastLayer;
    return std::nullopt;
}

bool hasUnsupportedTransport(const std::vector<xml::Element>& extraChildren) {
    for (const auto& c : extraChildren)
        if (c.name() == "transport") return true;
    return false;
}

colibri::Channel describeChannel(const SimRtpChannel& channel, const SimContent& content) {
    colibri::Channel d;
    describeCommon(channel, d.id, d.endpoint, d.channelBundleId, d.expire, d.initiator, d.transport);
    d.rtpLevelRelayType = "translator";
    if (channel.direction != "sendrecv") d.direction = channel.direction;
    if (content.name == "video") d.lastN = channel.lastN;
    d.receiveSimulcastLayer = channel.receiveSimulcastLayer;
    d.sources.push_back(jingle::Source::make(content.bridgeSsrc));
    return d;
}

colibri::SctpConnection describeSctp(const SimSctpConnection& sctp) {
    colibri::SctpConnection d;
    describeCommon(sctp, d.id, d.endpoint, d.channelBundleId, d.expire, d.initiator, d.transport);
    d.port = sctp.port;
    return d;
}

colibri::ChannelBundle describeBundle(const SimBundle& bundle) {
    colibri::ChannelBundle d;
    d.id = bundle.id;
    d.transport = bundle.local;
    return d;
}

}  // namespace jicofo::bridgesim
