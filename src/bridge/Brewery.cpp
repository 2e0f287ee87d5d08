#include "bridge/Brewery.h"

#include <algorithm>

#include "log/Log.h"
#include "protocol/muc/MucOwner.h"
#include "protocol/stanza/Stanza.h"

namespace jicofo::bridge {

using protocol::colibri2::BreweryStats;

Brewery::Brewery(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                 BrewerySettings settings)
    : loop_(loop),
      channel_(channel),
      router_(router),
      settings_(std::move(settings)),
      selector_(settings_.selection) {}

Brewery::~Brewery() {
    *alive_ = false;
    stop();
}

void Brewery::start() {
    if (running_) return;
    running_ = true;
    ++epoch_;
    join();
    scheduleHealth();
}

void Brewery::stop() {
    if (!running_) return;
    running_ = false;
    ++epoch_;
    health_.cancelAll();
    for (util::TimerId* t : {&joinTimer_, &healthTimer_}) {
        if (*t) loop_.cancel(*t);
        *t = 0;
    }
    joined_ = joining_ = false;
    forgetAll();
}

void Brewery::join() {
    joinTimer_ = 0;
    if (!running_ || joined_ || joining_) return;
    joining_ = true;
    JLOG(info) << "brewery: joining " << settings_.room.str() << " as " << settings_.nick;
    channel_.send(protocol::makeMucJoin(settings_.room.withResource(settings_.nick), {}));
}

void Brewery::scheduleJoin() {
    if (!running_ || joinTimer_) return;
    joinTimer_ = loop_.schedule(settings_.joinRetry, [this] { join(); });
}

bool Brewery::handlePresence(const xml::Element& stanza) {
    if (protocol::fromOf(stanza).bare() != settings_.room) return false;
    if (!running_) return true;
    auto p = protocol::MucPresence::parse(stanza);
    if (!p) {
        JLOG(debug) << "brewery: ignoring a malformed presence: " << p.error().text;
        return true;
    }
    if (p->from.resource() == settings_.nick || p->isSelf())
        onSelfPresence(*p);
    else
        onOccupantPresence(*p, stanza);
    return true;
}

void Brewery::onSelfPresence(const protocol::MucPresence& p) {
    if (p.error) {
        JLOG(warning) << "brewery: " << settings_.room.str() << " refused the focus: " << p.error->condition
                      << " " << p.error->text << "; retrying";
        joined_ = joining_ = false;
        scheduleJoin();
    } else if (p.unavailable) {
        JLOG(warning) << "brewery: the focus was removed from " << settings_.room.str() << "; rejoining";
        joined_ = joining_ = false;
        forgetAll();
        scheduleJoin();
    } else if (!joined_) {
        joined_ = true;
        joining_ = false;
        JLOG(info) << "brewery: joined " << settings_.room.str() << " (" << bridges_.size() << " bridges)";
        // A server that locks new rooms (XEP-0045 §10.1.2) waits for the creator's instant-room submit.
        if (p.statusCodes.count(201))
            router_.sendRequest(protocol::Iq::request(protocol::IqType::Set, settings_.room,
                                                      protocol::RoomConfigForm{}.toSubmitQuery()),
                                util::Duration(10000), [](auto) {});
    }
}

void Brewery::onOccupantPresence(const protocol::MucPresence& p, const xml::Element& stanza) {
    if (p.unavailable) {
        remove(p.from, "left the brewery");
        return;
    }
    const xml::Element* statsElement = BreweryStats::findIn(stanza);
    if (!statsElement) return;  // not a bridge
    auto stats = BreweryStats::parse(*statsElement);
    if (!stats) {
        JLOG(warning) << "brewery: ignoring the stats of " << p.from.str() << ": " << stats.error().text;
        return;
    }
    auto [it, added] = bridges_.try_emplace(p.from);
    BreweryBridge& b = it->second;
    b.jid = p.from;
    b.stats = std::move(*stats);
    b.lastPresence = loop_.now();
    if (settings_.usePresence && b.stats.healthy) {
        if (*b.stats.healthy)
            healthPassed(b.jid);
        else
            healthFailed(b.jid, "its presence says healthy=false");
    }
    if (!added) return;
    JLOG(info) << "brewery: bridge " << b.jid.str() << " joined (region '" << b.region() << "', stress "
               << b.stressLevel() << (b.draining() ? ", draining" : "")
               << (b.gracefulShutdown() ? ", graceful shutdown" : "") << ")";
    notify(b.jid, true);
}

void Brewery::remove(const util::Jid& jid, const std::string& why) {
    if (!bridges_.erase(jid)) return;
    checking_.erase(jid);
    JLOG(info) << "brewery: bridge " << jid.str() << " " << why;
    notify(jid, false);
}

void Brewery::forgetAll() {
    bridges_.clear();
    checking_.clear();
}

void Brewery::addListener(BridgeListener* listener) {
    if (std::find(listeners_.begin(), listeners_.end(), listener) == listeners_.end())
        listeners_.push_back(listener);
}

void Brewery::removeListener(BridgeListener* listener) {
    listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), listener), listeners_.end());
}

void Brewery::notify(const util::Jid& jid, bool up) {
    auto copy = listeners_;  // listeners may (un)register from inside
    for (auto* l : copy) {
        if (std::find(listeners_.begin(), listeners_.end(), l) == listeners_.end()) continue;
        if (up)
            l->onBridgeUp(jid);
        else
            l->onBridgeDown(jid);
    }
}

std::vector<BreweryBridge> Brewery::bridges() const {
    std::vector<BreweryBridge> out;
    for (const auto& [jid, b] : bridges_) out.push_back(b);
    return out;
}

const BreweryBridge* Brewery::find(const util::Jid& bridge) const {
    auto it = bridges_.find(bridge);
    return it == bridges_.end() ? nullptr : &it->second;
}

std::optional<util::Jid> Brewery::select(const std::optional<util::Jid>& conferenceBridge,
                                         const std::string& participantRegion) const {
    return selector_.select(bridges(), conferenceBridge, participantRegion, loop_.now());
}

void Brewery::endpointAdded(const util::Jid& bridge) {
    auto it = bridges_.find(bridge);
    if (it == bridges_.end()) return;
    BreweryBridge& b = it->second;
    util::TimePoint now = loop_.now();
    while (!b.recentEndpoints.empty() &&
           now - b.recentEndpoints.front() >= settings_.selection.participantRampup)
        b.recentEndpoints.pop_front();
    b.recentEndpoints.push_back(now);
    ++b.endpoints;
}

void Brewery::endpointsRemoved(const util::Jid& bridge, int count) {
    auto it = bridges_.find(bridge);
    if (it != bridges_.end()) it->second.endpoints = std::max(0, it->second.endpoints - count);
}

void Brewery::markFailed(const util::Jid& bridge) {
    auto it = bridges_.find(bridge);
    if (it == bridges_.end()) return;
    it->second.failedAt = loop_.now();
    JLOG(info) << "brewery: bridge " << bridge.str() << " marked non-operational";
}

void Brewery::markOperational(const util::Jid& bridge) {
    auto it = bridges_.find(bridge);
    if (it != bridges_.end()) it->second.failedAt.reset();
}

void Brewery::markGracefulShutdown(const util::Jid& bridge) {
    auto it = bridges_.find(bridge);
    if (it == bridges_.end()) return;
    it->second.stats.gracefulShutdown = true;
    JLOG(info) << "brewery: bridge " << bridge.str() << " is in graceful shutdown";
}

}  // namespace jicofo::bridge
