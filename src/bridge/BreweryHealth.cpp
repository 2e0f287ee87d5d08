// Brewery: health of the brewery's bridges (docs/media.md §1.5; jicofo's health-checks settings).
#include "bridge/Brewery.h"
#include "log/Log.h"
#include "protocol/colibri2/HealthCheck.h"

namespace jicofo::bridge {

void Brewery::scheduleHealth() {
    if (!settings_.healthChecks || settings_.healthInterval <= util::Duration::zero()) return;
    healthTimer_ = loop_.schedule(settings_.healthInterval, [this] {
        healthTimer_ = 0;
        checkHealth();
        scheduleHealth();
    });
}

void Brewery::checkHealth() {
    if (!running_) return;
    if (settings_.usePresence) {
        checkPresences();
        return;
    }
    std::vector<util::Jid> jids;
    for (const auto& [jid, b] : bridges_) jids.push_back(jid);
    for (const auto& jid : jids) check(jid, false);
}

void Brewery::checkPresences() {
    std::vector<util::Jid> silent;
    for (const auto& [jid, b] : bridges_)
        if (loop_.now() - b.lastPresence > settings_.presenceTimeout) silent.push_back(jid);
    for (const auto& jid : silent) healthFailed(jid, "no presence for too long");
}

void Brewery::check(const util::Jid& jid, bool retry) {
    if (!bridges_.count(jid) || (!retry && checking_.count(jid))) return;
    checking_.insert(jid);
    auto iq =
        protocol::Iq::request(protocol::IqType::Get, jid, protocol::colibri2::HealthCheck{}.toElement());
    health_.send(iq, settings_.healthTimeout, [this, alive = alive_, epoch = epoch_, jid, retry](auto reply) {
        if (!bridges_.count(jid)) return;
        if (reply) {
            checking_.erase(jid);
            healthPassed(jid);
        } else if (reply.error().condition != "remote-server-timeout") {
            checking_.erase(jid);
            healthFailed(jid, "healthcheck answered " + reply.error().condition);
        } else if (!retry) {
            // Maybe a lost packet: ask once more before believing it.
            loop_.schedule(settings_.healthRetryDelay, [this, alive, epoch, jid] {
                if (*alive && epoch == epoch_) check(jid, true);
            });
        } else {
            // Maybe the path to the focus only: no new conferences there, but nobody
            // moves until a request for them fails.
            checking_.erase(jid);
            JLOG(warning) << "brewery: bridge " << jid.str() << " did not answer twice";
            markFailed(jid);
        }
    });
}

void Brewery::healthPassed(const util::Jid& jid) {
    auto it = bridges_.find(jid);
    if (it == bridges_.end() || it->second.healthy) return;
    it->second.healthy = true;
    JLOG(info) << "brewery: bridge " << jid.str() << " is healthy again";
    notify(jid, true);
}

void Brewery::healthFailed(const util::Jid& jid, const std::string& why) {
    auto it = bridges_.find(jid);
    if (it == bridges_.end()) return;
    it->second.failedAt = loop_.now();
    if (!it->second.healthy) return;
    it->second.healthy = false;
    JLOG(warning) << "brewery: bridge " << jid.str() << " is unhealthy: " << why;
    notify(jid, false);
}

}  // namespace jicofo::bridge
