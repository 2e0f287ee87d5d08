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
    : loop_(loop), channel_(channel), router_(router), registry_(registry), settings_(settings) {
    util::FaultDomain::Scope outside(nullptr);  // shared by every conference: none of them owns this
    registry_.addListener(this);
}

ColibriExpiry::~ColibriExpiry() {
    registry_.removeListener(this);
    if (timer_) loop_.cancel(timer_);
    if (!requests_.empty())
        JLOG(warning) << "stopping with " << pendingChannels() << " Colibri channel(s) not expired yet";
}

std::size_t ColibriExpiry::pendingChannels() const {
    std::size_t n = 0;
    for (const auto& [id, r] : requests_) n += countChannels(r.channels);
    return n;
}

void ColibriExpiry::expire(const util::Jid& bridge, const util::Jid& room, const std::string& conferenceId,
                           std::vector<ParticipantChannels> channels) {
    channels.erase(std::remove_if(channels.begin(), channels.end(),
                                  [](const ParticipantChannels& pc) { return pc.contents.empty(); }),
                   channels.end());
    if (conferenceId.empty() || channels.empty()) return;
    if (registry_.find(bridge)) listedOnce_.insert(bridge);
    Request r;
    r.bridge = bridge;
    r.room = room;
    r.conferenceId = conferenceId;
    r.channels = std::move(channels);
    r.created = r.nextTry = loop_.now();
    std::size_t count = countChannels(r.channels);
    Id id = add(std::move(r));
    if (channel_.isConnected()) {
        send(id);
    } else {
        JLOG_ROOM(info, room.str()) << "the focus user's stream is down: expiry of " << count
                                    << " channel(s) on " << bridge.str() << " kept until it is back";
        arm();
    }
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

ColibriExpiry::Id ColibriExpiry::add(Request request) {
    while (requests_.size() >= settings_.maxRequests && !requests_.empty()) dropOldest();
    Id id = nextId_++;
    requests_.emplace(id, std::move(request));
    return id;
}

void ColibriExpiry::dropOldest() {
    auto it = requests_.begin();  // ids grow with time
    JLOG_ROOM(warning, it->second.room.str())
        << "more than " << settings_.maxRequests << " Colibri expiries waiting: giving up the oldest ("
        << countChannels(it->second.channels) << " channel(s) in conference " << it->second.conferenceId
        << " on " << it->second.bridge.str() << ")";
    requests_.erase(it);
}

void ColibriExpiry::send(Id id) {
    auto it = requests_.find(id);
    if (it == requests_.end() || it->second.inFlight) return;
    Request& r = it->second;
    auto conf = protocol::colibri::buildExpire(r.conferenceId, r.room.node(), r.channels);
    if (!conf) {
        requests_.erase(it);
        return;
    }
    r.inFlight = true;
    ++r.attempts;
    // The answer is ours, not the conference's that happened to ask (it may be gone by then).
    util::FaultDomain::Scope outside(nullptr);
    // Our own request (this outlives every conference), cancelled only with this.
    iqs_.send(protocol::Iq::request(protocol::IqType::Set, r.bridge, conf->toElement()),
              settings_.requestTimeout, [this, id](IqResult answer) { onAnswer(id, answer); });
}

void ColibriExpiry::onAnswer(Id id, const IqResult& answer) {
    auto it = requests_.find(id);
    if (it == requests_.end()) return;
    Request& r = it->second;
    r.inFlight = false;
    if (answer) {
        if (r.attempts > 1)
            JLOG_ROOM(info, r.room.str()) << "expired " << countChannels(r.channels) << " channel(s) on "
                                          << r.bridge.str() << " at attempt " << r.attempts;
        requests_.erase(it);
        return;
    }
    const std::string& condition = answer.error().condition;
    if (unreachable(condition)) {
        if (r.attempts == 1)
            JLOG_ROOM(info, r.room.str())
                << "expiry of " << countChannels(r.channels) << " channel(s) in conference " << r.conferenceId
                << " did not reach " << r.bridge.str() << " (" << condition
                << "): kept until it is reachable";
        retryLater(r);
        arm();
        return;
    }
    if (r.channels.size() > 1) return split(id);
    // The bridge answered: it has none of those channels any more (expired by itself, or restarted).
    JLOG_ROOM(debug, r.room.str()) << "expire in conference " << r.conferenceId << " refused by "
                                   << r.bridge.str() << " (" << condition << "): nothing left to expire";
    requests_.erase(it);
}

void ColibriExpiry::split(Id id) {
    Request whole = std::move(requests_.at(id));
    requests_.erase(id);
    for (auto& pc : whole.channels) {
        Request one;
        one.bridge = whole.bridge;
        one.room = whole.room;
        one.conferenceId = whole.conferenceId;
        one.channels = {std::move(pc)};
        one.created = whole.created;
        one.nextTry = loop_.now();
        send(add(std::move(one)));
    }
}

void ColibriExpiry::retryLater(Request& r) {
    auto delay = settings_.retryMin;
    for (int i = 1; i < r.attempts && delay < settings_.retryMax; ++i) delay *= 2;
    r.nextTry = loop_.now() + std::min(delay, settings_.retryMax);
}

bool ColibriExpiry::retryable(const util::Jid& bridge) const {
    if (!channel_.isConnected()) return false;
    if (const BridgeState* s = registry_.find(bridge)) return s->healthy;
    // A bridge the registry listed before and does not now (our stream came back, it left the domain)
    // waits until it is seen again; one it never listed (a conference's bridge hint) has only the timer.
    return listedOnce_.count(bridge) == 0;
}

void ColibriExpiry::onBridgeUp(const util::Jid& bridge) {
    listedOnce_.insert(bridge);
    if (!channel_.isConnected()) return;
    std::vector<Id> due;
    for (const auto& [id, r] : requests_)
        if (r.bridge == bridge && !r.inFlight) due.push_back(id);
    if (!due.empty())
        JLOG(info) << "bridge " << bridge.str() << " is reachable: resending " << due.size()
                   << " Colibri expiry request(s)";
    for (Id id : due) send(id);
}

void ColibriExpiry::arm() {
    std::optional<util::TimePoint> next;
    for (const auto& [id, r] : requests_)
        if (!r.inFlight && (!next || r.nextTry < *next)) next = r.nextTry;
    if (!next) {
        if (timer_) loop_.cancel(timer_);
        timer_ = 0;
        return;
    }
    if (timer_ && timerAt_ <= *next) return;
    if (timer_) loop_.cancel(timer_);
    timerAt_ = *next;
    auto delay = std::max(util::Duration(0), std::chrono::ceil<util::Duration>(*next - loop_.now()));
    util::FaultDomain::Scope outside(nullptr);
    timer_ = loop_.schedule(delay, [this] {  // cancelled by the destructor
        timer_ = 0;
        onTimer();
    });
}

void ColibriExpiry::onTimer() {
    auto now = loop_.now();
    std::vector<Id> due;
    for (auto it = requests_.begin(); it != requests_.end();) {
        Request& r = it->second;
        if (!r.inFlight && now - r.created >= settings_.maxAge) {
            JLOG_ROOM(warning, r.room.str())
                << "giving up expiring " << countChannels(r.channels) << " channel(s) in conference "
                << r.conferenceId << " on " << r.bridge.str() << " after "
                << std::chrono::duration_cast<std::chrono::seconds>(now - r.created).count()
                << " s; the bridge's own idle expiry has to remove them";
            it = requests_.erase(it);
            continue;
        }
        if (!r.inFlight && r.nextTry <= now) {
            if (retryable(r.bridge))
                due.push_back(it->first);
            else  // onBridgeUp sends it as soon as the bridge is seen again
                r.nextTry = now + (channel_.isConnected() ? settings_.retryMax : settings_.retryMin);
        }
        ++it;
    }
    for (Id id : due) send(id);
    arm();
}

}  // namespace jicofo::bridge
