#include "bridge/Colibri2Expiry.h"

#include <algorithm>
#include <optional>

#include "log/Log.h"
#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/colibri2/Colibri2Requests.h"
#include "util/FaultDomain.h"

namespace jicofo::bridge {

namespace colibri2 = protocol::colibri2;

bool answeredByBridge(const protocol::StanzaError& error) {
    auto parsed = colibri2::Colibri2Error::fromStanzaError(error);
    if (parsed && parsed->reason && *parsed->reason != colibri2::Colibri2Reason::Unspecified) return true;
    return error.condition == "bad-request";
}

Colibri2Expiry::Colibri2Expiry(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                               Brewery& brewery, Settings settings)
    : loop_(loop), channel_(channel), router_(router), brewery_(brewery), settings_(settings) {
    util::FaultDomain::Scope outside(nullptr);  // shared by every conference: none of them owns this
    brewery_.addListener(this);
}

Colibri2Expiry::~Colibri2Expiry() {
    brewery_.removeListener(this);
    if (timer_) loop_.cancel(timer_);
    if (!requests_.empty())
        JLOG(warning) << "stopping with " << requests_.size() << " Colibri2 expiries not answered yet";
}

std::string Colibri2Expiry::what(const Request& r) {
    return (r.endpoint.empty() ? "conference " + r.meetingId : "endpoint " + r.endpoint) + " on " +
           r.bridge.str();
}

void Colibri2Expiry::expireEndpoint(const util::Jid& bridge, const util::Jid& room,
                                    const std::string& meetingId, const std::string& endpoint) {
    if (meetingId.empty() || endpoint.empty()) return;
    Request r;
    r.bridge = bridge;
    r.room = room;
    r.meetingId = meetingId;
    r.endpoint = endpoint;
    add(std::move(r));
}

void Colibri2Expiry::expireConference(const util::Jid& bridge, const util::Jid& room,
                                      const std::string& meetingId) {
    if (meetingId.empty()) return;
    // A conference expire covers its endpoints' expiries still waiting.
    for (auto it = requests_.begin(); it != requests_.end();) {
        const Request& r = it->second;
        if (!r.inFlight && r.bridge == bridge && r.meetingId == meetingId)
            it = requests_.erase(it);
        else
            ++it;
    }
    Request r;
    r.bridge = bridge;
    r.room = room;
    r.meetingId = meetingId;
    add(std::move(r));
}

void Colibri2Expiry::add(Request r) {
    while (requests_.size() >= settings_.maxRequests && !requests_.empty()) {
        auto oldest = requests_.begin();
        JLOG_ROOM(warning, oldest->second.room.str())
            << "more than " << settings_.maxRequests << " Colibri2 expiries waiting: giving up "
            << what(oldest->second);
        requests_.erase(oldest);
    }
    r.created = r.nextTry = loop_.now();
    Id id = nextId_++;
    bool up = channel_.isConnected();
    if (!up)
        JLOG_ROOM(info, r.room.str())
            << "the focus user's stream is down: expiry of " << what(r) << " kept until it is back";
    requests_.emplace(id, std::move(r));
    if (up)
        send(id);
    else
        arm();
}

void Colibri2Expiry::send(Id id) {
    auto it = requests_.find(id);
    if (it == requests_.end() || it->second.inFlight) return;
    Request& r = it->second;
    r.inFlight = true;
    ++r.attempts;
    auto req = r.endpoint.empty() ? colibri2::buildConferenceExpire(r.meetingId)
                                  : colibri2::buildEndpointExpire(r.meetingId, r.endpoint);
    util::FaultDomain::Scope outside(nullptr);  // the answer is ours, not the conference's
    std::weak_ptr<bool> alive = alive_;
    router_.sendRequest(protocol::Iq::request(protocol::IqType::Set, r.bridge, req.toElement()),
                        settings_.requestTimeout, [this, alive, id](IqResult answer) {
                            if (alive.lock()) onAnswer(id, answer);
                        });
}

void Colibri2Expiry::onAnswer(Id id, const IqResult& answer) {
    auto it = requests_.find(id);
    if (it == requests_.end()) return;
    Request& r = it->second;
    r.inFlight = false;
    if (answer || answeredByBridge(answer.error())) {
        if (!answer)
            JLOG_ROOM(debug, r.room.str()) << "expiry of " << what(r) << " answered "
                                           << answer.error().condition << ": nothing left to expire";
        else if (r.attempts > 1)
            JLOG_ROOM(info, r.room.str()) << "expired " << what(r) << " at attempt " << r.attempts;
        requests_.erase(it);
        arm();
        return;
    }
    if (r.attempts == 1)
        JLOG_ROOM(info, r.room.str()) << "expiry of " << what(r) << " did not reach it ("
                                      << answer.error().condition << "): kept until it is reachable";
    auto delay = settings_.retryMin;
    for (int i = 1; i < r.attempts && delay < settings_.retryMax; ++i) delay *= 2;
    r.nextTry = loop_.now() + std::min(delay, settings_.retryMax);
    arm();
}

void Colibri2Expiry::onBridgeUp(const util::Jid& bridge) {
    if (!channel_.isConnected()) return;
    std::vector<Id> due;
    for (const auto& [id, r] : requests_)
        if (r.bridge == bridge && !r.inFlight) due.push_back(id);
    if (!due.empty())
        JLOG(info) << "bridge " << bridge.str() << " is back in the brewery: resending " << due.size()
                   << " Colibri2 expiry request(s)";
    for (Id id : due) send(id);
}

void Colibri2Expiry::arm() {
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
    std::weak_ptr<bool> alive = alive_;
    timer_ = loop_.schedule(delay, [this, alive] {
        if (!alive.lock()) return;
        timer_ = 0;
        onTimer();
    });
}

void Colibri2Expiry::onTimer() {
    auto now = loop_.now();
    std::vector<Id> due;
    for (auto it = requests_.begin(); it != requests_.end();) {
        Request& r = it->second;
        if (!r.inFlight && now - r.created >= settings_.maxAge) {
            JLOG_ROOM(warning, r.room.str())
                << "giving up expiring " << what(r) << " after "
                << std::chrono::duration_cast<std::chrono::seconds>(now - r.created).count()
                << " s; the bridge's own idle expiry has to remove it";
            it = requests_.erase(it);
            continue;
        }
        if (!r.inFlight && r.nextTry <= now) {
            // Retried on the timer while the brewery lists the bridge; else onBridgeUp sends it.
            if (channel_.isConnected() && brewery_.find(r.bridge))
                due.push_back(it->first);
            else
                r.nextTry = now + settings_.retryMax;
        }
        ++it;
    }
    for (Id id : due) send(id);
    arm();
}

}  // namespace jicofo::bridge
