#include "app/HealthCheck.h"

#include "log/Log.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/stanza/Namespaces.h"
#include "util/Ids.h"

namespace jicofo::app {

using protocol::Iq;
using protocol::IqType;
using Outcome = conference::Conference::JoinOutcome;

namespace {

std::string ms(util::Duration d) {
    return std::to_string(d.count()) + " ms";
}

}  // namespace

HealthCheck::HealthCheck(FocusWiring& wiring, util::Jid domain, util::Duration joinTimeout)
    : w_(wiring), domain_(std::move(domain)), joinTimeout_(joinTimeout), requests_(wiring.clientRouter) {}

HealthCheck::~HealthCheck() {
    if (timer_) w_.loop.cancel(timer_);
}

void HealthCheck::run(util::Duration loopLatency, Done done) {
    if (pending_) {  // a round trip is on its way: share it
        waiters_.push_back(std::move(done));
        return;
    }
    http::HealthReport r;
    r.add("focus_loop", loopLatency < kSlowLoop,
          "picked up the check after " + ms(loopLatency) +
              (loopLatency < kSlowLoop ? "" : " (slower than " + ms(kSlowLoop) + ")"));
    bool component = w_.componentSide.isConnected(), client = w_.client.isConnected();
    std::string how = w_.usesClientProxy() ? " (client_proxy through the focus user)" : "";
    r.add("component_stream", component,
          component ? w_.componentSide.localJid().str() + " is connected" + how
                    : "the component is not connected" + how);
    r.add("focus_user_stream", client,
          client ? w_.client.localJid().str() + " is logged in" : "the focus user is not logged in");
    bool draining = w_.focus.gracefulShutdown();
    r.add("graceful_shutdown", !draining,
          draining ? "shutting down gracefully: new conferences are refused" : "not shutting down");
    std::size_t known = 0, operational = 0;
    for (const auto& b : w_.bridges.bridges()) {
        ++known;
        if (w_.selector.isOperational(b, w_.loop.now())) ++operational;
    }
    r.add("bridges", operational > 0,
          operational > 0 ? std::to_string(operational) + " of " + std::to_string(known) +
                                " known videobridge(s) operational"
                          : "no operational videobridge (" + std::to_string(known) + " known)");
    if (draining || !client) {
        // No room to try: the focus cannot (or must not) start a conference now.
        r.add("conference", false, draining ? "not tried: shutting down" : "not tried: focus user offline");
        done(std::move(r));
        return;
    }
    pending_ = std::move(r);
    waiters_.push_back(std::move(done));
    roundTrip();
}

void HealthCheck::roundTrip() {
    std::uint64_t attempt = ++attempt_;
    auto started = w_.loop.now();
    timer_ = w_.loop.schedule(joinTimeout_, [this, attempt] {  // cancelled by the destructor
        if (attempt != attempt_ || !pending_) return;
        timer_ = 0;
        finish(false, "the focus did not join a health-check room within " + ms(joinTimeout_));
    });
    // Called now or from a disco answer, which requests_ cancels with this.
    findMucService([this, attempt, started](util::Jid service) {
        if (attempt != attempt_ || !pending_) return;
        auto room =
            util::Jid::parse("org.jitsi.jicofo.rest.Health-" + util::randomHex(8) + "@" + service.str());
        if (!room) return finish(false, "cannot make a room name on " + service.str());
        // Not a request of ours: the health-check conference may outlive this, hence the guard.
        std::weak_ptr<bool> alive = alive_;
        bool accepted = w_.focus.startConference(*room, [this, alive, attempt, started,
                                                         room = *room](Outcome outcome) {
            if (!alive.lock() || attempt != attempt_ || !pending_) return;
            auto took = std::chrono::duration_cast<util::Duration>(w_.loop.now() - started);
            switch (outcome) {
                case Outcome::Joined:
                    return finish(true, "the focus joined " + room.str() + " in " + ms(took));
                case Outcome::NotJoined:
                    return finish(false, "the focus could not join " + room.str() + ": focus user offline");
                case Outcome::Failed:
                    return finish(false, "joining " + room.str() + " failed (see the focus log)");
            }
        });
        if (!accepted) finish(false, "not tried: shutting down");
    });
}

void HealthCheck::finish(bool ok, std::string detail) {
    if (timer_) {
        w_.loop.cancel(timer_);
        timer_ = 0;
    }
    http::HealthReport r = std::move(*pending_);
    pending_.reset();
    ++attempt_;  // late answers of this round trip are ignored
    r.add("conference", ok, std::move(detail));
    if (!ok) JLOG(warning) << "health check failed: " << r.checks.back().detail;
    auto waiters = std::move(waiters_);
    waiters_.clear();
    for (auto& w : waiters) w(r);
}

void HealthCheck::findMucService(std::function<void(util::Jid)> found) {
    if (mucService_) return found(*mucService_);
    requests_.send<protocol::DiscoItems>(
        Iq::request(IqType::Get, domain_, protocol::DiscoItems{}.toElement()), joinTimeout_ / 2,
        [this, found](util::Result<protocol::DiscoItems, protocol::StanzaError> r) {
            auto items = std::make_shared<std::vector<util::Jid>>();
            if (r)
                for (const auto& item : r->items)
                    if (auto j = util::Jid::parse(item.jid)) items->push_back(*j);
            probeItems(items, 0, found);
        });
}

void HealthCheck::probeItems(std::shared_ptr<std::vector<util::Jid>> items, std::size_t next,
                             std::function<void(util::Jid)> found) {
    if (next >= items->size()) {
        // 2015 had no fallback (the check failed); the Jitsi Meet convention is the better guess.
        auto fallback = util::Jid::parse("conference." + domain_.str()).value_or(domain_);
        JLOG(info) << "health check: no MUC service in disco#items of " << domain_.str() << ", using "
                   << fallback.str();
        return found(fallback);
    }
    util::Jid jid = (*items)[next];
    requests_.send<protocol::DiscoInfo>(
        Iq::request(IqType::Get, jid, protocol::DiscoInfo{}.toElement()), joinTimeout_ / 2,
        [this, items, next, jid, found](util::Result<protocol::DiscoInfo, protocol::StanzaError> info) {
            if (info && info->hasFeature(protocol::ns::kMuc)) {
                mucService_ = jid;
                JLOG(info) << "health check: MUC service " << jid.str();
                return found(jid);
            }
            probeItems(items, next + 1, found);
        });
}

}  // namespace jicofo::app
