#include "bridge/ColibriExpiry.h"

#include <algorithm>
#include <optional>

#include "log/Log.h"
#include "protocol/colibri/ColibriRequests.h"
#include "util/FaultDomain.h"

namespace jicofo::bridge {

using protocol::colibri::ColibriConference;
using protocol::colibri::ColibriContent;
using protocol::colibri::ParticipantChannels;

namespace {

// Errors that say the request did not reach the bridge (or its answer did not reach us), as opposed to
// an answer of the bridge itself.
bool unreachable(const std::string& condition) {
    return condition == "service-unavailable" || condition == "recipient-unavailable" ||
           condition == "remote-server-not-found" || condition == "remote-server-timeout";
}

std::size_t countChannels(const std::vector<ParticipantChannels>& channels) {
    std::size_t n = 0;
    for (const auto& pc : channels)
        for (const auto& c : pc.contents) n += c.channels.size() + c.sctpConnections.size();
    return n;
}

}  // namespace

ParticipantChannels channelsToExpire(const ColibriConference& response, const std::string& endpoint) {
    ParticipantChannels pc;
    pc.conferenceId = response.id;
    pc.endpoint = endpoint;
    for (const auto& content : response.contents) {
        ColibriContent mine;
        mine.name = content.name;
        for (const auto& c : content.channels)
            if (!c.id.empty() && (c.endpoint.empty() || c.endpoint == endpoint)) mine.channels.push_back(c);
        for (const auto& s : content.sctpConnections)
            if (!s.id.empty() && (s.endpoint.empty() || s.endpoint == endpoint))
                mine.sctpConnections.push_back(s);
        if (!mine.channels.empty() || !mine.sctpConnections.empty()) pc.contents.push_back(std::move(mine));
    }
    return pc;
}

ColibriExpiry::ColibriExpiry(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                             BridgeRegistry& registry, Settings settings)
    : registry_(registry), queue_(loop, channel, router, settings, "Colibri", hooks_) {
    util::FaultDomain::Scope outside(nullptr);  // shared by every conference: none of them owns this
    registry_.addListener(this);
}

ColibriExpiry::~ColibriExpiry() {
    registry_.removeListener(this);
    if (queue_.size() > 0)
        JLOG(warning) << "stopping with " << pendingChannels() << " Colibri channel(s) not expired yet";
}

std::size_t ColibriExpiry::pendingChannels() const {
    std::size_t n = 0;
    for (const auto& [id, r] : queue_.requests()) n += countChannels(r.payload.channels);
    return n;
}

void ColibriExpiry::expire(const util::Jid& bridge, const util::Jid& room, const std::string& conferenceId,
                           std::vector<ParticipantChannels> channels) {
    channels.erase(std::remove_if(channels.begin(), channels.end(),
                                  [](const ParticipantChannels& pc) { return pc.contents.empty(); }),
                   channels.end());
    if (conferenceId.empty() || channels.empty()) return;
    if (registry_.find(bridge)) listedOnce_.insert(bridge);
    queue_.add(bridge, room, Expire{conferenceId, std::move(channels)});
}

void ColibriExpiry::expireAnswer(const util::Jid& bridge, const util::Jid& room, const std::string& endpoint,
                                 const protocol::Iq& answer) {
    if (!answer.payload || !ColibriConference::isConference(*answer.payload)) return;
    auto conf = ColibriConference::parse(*answer.payload);
    if (!conf) return;
    JLOG_ROOM(info, room.str()) << "expiring channels of " << endpoint << " allocated on " << bridge.str()
                                << " after their allocation was abandoned";
    expire(bridge, room, conf->id, {channelsToExpire(*conf, endpoint)});
}

std::optional<xml::Element> ColibriExpiry::Hooks::payloadOf(const Queue::Request& r) const {
    auto conf = protocol::colibri::buildExpire(r.payload.conferenceId, r.room.node(), r.payload.channels);
    if (!conf) return std::nullopt;
    return conf->toElement();
}

std::string ColibriExpiry::Hooks::describe(const Queue::Request& r) const {
    return std::to_string(countChannels(r.payload.channels)) + " channel(s) in conference " +
           r.payload.conferenceId + " on " + r.bridge.str();
}

ColibriExpiry::Queue::Verdict ColibriExpiry::Hooks::answered(const Queue::Request& r,
                                                             const Queue::IqResult& answer) {
    if (answer) return Queue::Verdict::Done;
    const std::string& condition = answer.error().condition;
    if (unreachable(condition)) return Queue::Verdict::Retry;
    if (r.payload.channels.size() > 1) {
        // The 2015 bridge stops at the first channel it does not know: one request per participant. (A
        // copy: adding may drop the oldest request, this one.)
        Queue::Request whole = r;
        for (auto& pc : whole.payload.channels)
            owner_.queue_.add(whole.bridge, whole.room, Expire{whole.payload.conferenceId, {std::move(pc)}},
                              whole.created);
        return Queue::Verdict::Done;
    }
    // The bridge answered: it has none of those channels any more (expired by itself, or restarted).
    JLOG_ROOM(debug, r.room.str()) << "expire in conference " << r.payload.conferenceId << " refused by "
                                   << r.bridge.str() << " (" << condition << "): nothing left to expire";
    return Queue::Verdict::Done;
}

bool ColibriExpiry::Hooks::retryable(const util::Jid& bridge) const {
    if (const BridgeState* s = owner_.registry_.find(bridge)) return s->healthy;
    // A bridge the registry listed before and does not now (our stream came back, it left the domain)
    // waits until it is seen again; one it never listed (a conference's bridge hint) has only the timer.
    return owner_.listedOnce_.count(bridge) == 0;
}

void ColibriExpiry::onBridgeUp(const util::Jid& bridge) {
    listedOnce_.insert(bridge);
    queue_.resendTo(bridge);
}

}  // namespace jicofo::bridge
