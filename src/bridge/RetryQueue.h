#pragma once
// The retry bookkeeping both expiry keepers share (ColibriExpiry for 2015 bridges, Colibri2Expiry for brewery
// bridges), on the focus loop: requests to bridges that must not be forgotten. Each is sent at once when the
// focus user's stream is up and kept until its owner says the answer settles it. One that did not reach its
// bridge is resent on a capped exponential backoff (retryMin, 2×, 4× … retryMax) while the owner says the
// bridge may be retried, and at once when the bridge is seen again (resendTo); it is given up after maxAge,
// and beyond maxRequests the oldest goes, each with a warning.
//
// The owner supplies what differs between the generations through Hooks: the request's IQ payload, a
// description for the logs, what an answer means, and whether a bridge may be retried on the timer.
//
//   struct Expire { std::string meetingId, endpoint; };
//   RetryQueue<Expire> queue(loop, channel, router, settings, "Colibri2", hooks);
//   queue.add(bridge, room, Expire{meetingId, "alice"});
//   queue.resendTo(bridge);                      // from BridgeListener::onBridgeUp
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "log/Log.h"
#include "protocol/stanza/Stanza.h"
#include "util/FaultDomain.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"
#include "xmpp/StanzaChannel.h"

namespace jicofo::bridge {

struct RetrySettings {
    util::Duration requestTimeout{20000};            // each attempt's wait for the answer
    util::Duration retryMin{2000}, retryMax{60000};  // backoff while the bridge may be retried
    util::Duration maxAge{std::chrono::hours(1)};
    std::size_t maxRequests = 100000;
};

template <typename Payload>
class RetryQueue {
  public:
    using Id = std::uint64_t;
    using IqResult = util::Result<protocol::Iq, protocol::StanzaError>;
    struct Request {
        util::Jid bridge, room;
        Payload payload;
        util::TimePoint created, nextTry;
        int attempts = 0;
        bool inFlight = false;
    };
    enum class Verdict { Done, Retry };
    class Hooks {
      public:
        virtual ~Hooks() = default;
        // The request's IQ payload; nullopt drops the request unsent.
        virtual std::optional<xml::Element> payloadOf(const Request& r) const = 0;
        // What it expires, for the logs ("endpoint alice on jvbbrewery@…/jvb1").
        virtual std::string describe(const Request& r) const = 0;
        // The answer (a result or an error): Done forgets the request (the hook may add() others first),
        // Retry keeps it for the backoff (it did not reach the bridge).
        virtual Verdict answered(const Request& r, const IqResult& answer) = 0;
        // Whether a waiting request to that bridge may be resent on the timer while the stream is up;
        // otherwise it waits for resendTo.
        virtual bool retryable(const util::Jid& bridge) const = 0;
    };

    // name: the protocol, in log lines ("Colibri", "Colibri2").
    RetryQueue(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router, RetrySettings settings,
               std::string name, Hooks& hooks)
        : loop_(loop),
          channel_(channel),
          router_(router),
          settings_(settings),
          name_(std::move(name)),
          hooks_(hooks) {}
    ~RetryQueue() {
        if (timer_) loop_.cancel(timer_);
    }
    RetryQueue(const RetryQueue&) = delete;
    RetryQueue& operator=(const RetryQueue&) = delete;

    // Sent now when the stream is up, else kept for later. created: the age it counts from (now by default).
    Id add(const util::Jid& bridge, const util::Jid& room, Payload payload,
           std::optional<util::TimePoint> created = std::nullopt);
    // The bridge is seen again: its waiting requests go now (when the stream is up).
    void resendTo(const util::Jid& bridge);
    // Forgets the waiting (not in-flight) requests that pred selects.
    template <typename Pred>
    void dropWaiting(Pred pred) {
        for (auto it = requests_.begin(); it != requests_.end();)
            it = !it->second.inFlight && pred(it->second) ? requests_.erase(it) : std::next(it);
        arm();
    }
    // Not answered yet (sent or waiting).
    const std::map<Id, Request>& requests() const { return requests_; }
    std::size_t size() const { return requests_.size(); }

  private:
    void send(Id id);
    void onAnswer(Id id, const IqResult& answer);
    void arm();
    void onTimer();

    util::Loop& loop_;
    xmpp::StanzaChannel& channel_;
    xmpp::IqRouter& router_;
    RetrySettings settings_;
    std::string name_;
    Hooks& hooks_;
    std::map<Id, Request> requests_;  // ids grow with time: the first is the oldest
    Id nextId_ = 1;
    util::TimerId timer_ = 0;
    util::TimePoint timerAt_{};
    xmpp::IqRequests iqs_{router_};  // the requests in flight, cancelled with this
};

template <typename Payload>
typename RetryQueue<Payload>::Id RetryQueue<Payload>::add(const util::Jid& bridge, const util::Jid& room,
                                                          Payload payload,
                                                          std::optional<util::TimePoint> created) {
    while (requests_.size() >= settings_.maxRequests && !requests_.empty()) {
        auto oldest = requests_.begin();
        JLOG_ROOM(warning, oldest->second.room.str())
            << "more than " << settings_.maxRequests << " " << name_ << " expiries waiting: giving up "
            << hooks_.describe(oldest->second);
        requests_.erase(oldest);
    }
    Request r{bridge, room, std::move(payload), {}, {}, 0, false};
    r.created = created.value_or(loop_.now());
    r.nextTry = loop_.now();
    Id id = nextId_++;
    bool up = channel_.isConnected();
    if (!up)
        JLOG_ROOM(info, room.str()) << "the focus user's stream is down: expiry of " << hooks_.describe(r)
                                    << " kept until it is back";
    requests_.emplace(id, std::move(r));
    if (up)
        send(id);
    else
        arm();
    return id;
}

template <typename Payload>
void RetryQueue<Payload>::resendTo(const util::Jid& bridge) {
    if (!channel_.isConnected()) return;
    std::vector<Id> due;
    for (const auto& [id, r] : requests_)
        if (r.bridge == bridge && !r.inFlight) due.push_back(id);
    if (!due.empty())
        JLOG(info) << "bridge " << bridge.str() << " is reachable: resending " << due.size() << " " << name_
                   << " expiry request(s)";
    for (Id id : due) send(id);
}

template <typename Payload>
void RetryQueue<Payload>::send(Id id) {
    auto it = requests_.find(id);
    if (it == requests_.end() || it->second.inFlight) return;
    Request& r = it->second;
    auto payload = hooks_.payloadOf(r);
    if (!payload) {
        requests_.erase(it);
        return;
    }
    r.inFlight = true;
    ++r.attempts;
    util::FaultDomain::Scope outside(nullptr);  // the answer is ours, not the conference's that asked
    iqs_.send(protocol::Iq::request(protocol::IqType::Set, r.bridge, std::move(*payload)),
              settings_.requestTimeout, [this, id](IqResult answer) { onAnswer(id, answer); });
}

template <typename Payload>
void RetryQueue<Payload>::onAnswer(Id id, const IqResult& answer) {
    auto it = requests_.find(id);
    if (it == requests_.end()) return;
    it->second.inFlight = false;
    Verdict verdict = hooks_.answered(it->second, answer);
    it = requests_.find(id);  // the hook may have added requests (and so dropped the oldest)
    if (it == requests_.end()) return arm();
    Request& r = it->second;
    if (verdict == Verdict::Done) {
        if (answer && r.attempts > 1)
            JLOG_ROOM(info, r.room.str()) << "expired " << hooks_.describe(r) << " at attempt " << r.attempts;
        requests_.erase(it);
        return arm();
    }
    if (r.attempts == 1)
        JLOG_ROOM(info, r.room.str()) << "expiry of " << hooks_.describe(r) << " did not reach it ("
                                      << answer.error().condition << "): kept until it is reachable";
    auto delay = settings_.retryMin;
    for (int i = 1; i < r.attempts && delay < settings_.retryMax; ++i) delay *= 2;
    r.nextTry = loop_.now() + std::min(delay, settings_.retryMax);
    arm();
}

template <typename Payload>
void RetryQueue<Payload>::arm() {
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

template <typename Payload>
void RetryQueue<Payload>::onTimer() {
    auto now = loop_.now();
    std::vector<Id> due;
    for (auto it = requests_.begin(); it != requests_.end();) {
        Request& r = it->second;
        if (!r.inFlight && now - r.created >= settings_.maxAge) {
            JLOG_ROOM(warning, r.room.str())
                << "giving up expiring " << hooks_.describe(r) << " after "
                << std::chrono::duration_cast<std::chrono::seconds>(now - r.created).count()
                << " s; the bridge's own idle expiry has to remove it";
            it = requests_.erase(it);
            continue;
        }
        if (!r.inFlight && r.nextTry <= now) {
            bool up = channel_.isConnected();
            if (up && hooks_.retryable(r.bridge))
                due.push_back(it->first);
            else  // resendTo sends it as soon as the bridge is seen again
                r.nextTry = now + (up ? settings_.retryMax : settings_.retryMin);
        }
        ++it;
    }
    for (Id id : due) send(id);
    arm();
}

}  // namespace jicofo::bridge
