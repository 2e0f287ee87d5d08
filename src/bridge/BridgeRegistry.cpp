#include "bridge/BridgeRegistry.h"

#include <algorithm>

#include "log/Log.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/jingle/JingleNamespaces.h"

namespace jicofo::bridge {

using protocol::Iq;
using protocol::IqType;

namespace {

// docs/media.md §1.1: identity is ignored, these four features make a bridge.
bool hasBridgeFeatures(const protocol::DiscoInfo& info) {
    namespace jns = protocol::jingle::ns;
    for (const char* f : {jns::kColibri, jns::kDtls, jns::kIceUdp, jns::kRawUdp})
        if (!info.hasFeature(f)) return false;
    return true;
}

}  // namespace

BridgeRegistry::BridgeRegistry(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                               BridgeRegistrySettings settings)
    : loop_(loop),
      router_(router),
      settings_(std::move(settings)),
      feed_(loop, channel, router, settings_,
            [this](const util::Jid& jid, const protocol::colibri::Stats& stats, bool discover) {
                reportStats(jid, stats, discover);
            }) {}

BridgeRegistry::~BridgeRegistry() {
    stop();
}

void BridgeRegistry::start() {
    if (running_) stop();
    running_ = true;
    feed_.start();  // before the first bridge appears, so mapped nodes are followed from the start
    discover();
    if (settings_.rediscoveryInterval.count() > 0)
        scheduleRepeating(rediscoveryTimer_, settings_.rediscoveryInterval, &BridgeRegistry::discover);
    if (settings_.healthCheckInterval.count() > 0)
        scheduleRepeating(healthTimer_, settings_.healthCheckInterval, &BridgeRegistry::checkHealth);
    if (feed_.enabled())
        scheduleRepeating(statsTimer_, std::max(settings_.maxStatsReportAge / 2, util::Duration(1)),
                          &BridgeRegistry::expireStats);
}

void BridgeRegistry::stop() {
    if (running_) JLOG(info) << "bridge discovery stopped; " << bridges_.size() << " bridge(s) forgotten";
    running_ = false;
    requests_.cancelAll();
    for (util::TimerId* t : {&rediscoveryTimer_, &healthTimer_, &statsTimer_}) {
        if (*t) loop_.cancel(*t);
        *t = 0;
    }
    feed_.stop();
    discovering_ = false;
    pendingInfos_ = 0;
    healthPending_.clear();
    verifying_.clear();
    unverifiedStats_.clear();
    rejectedUntil_.clear();
    bridges_.clear();
}

void BridgeRegistry::scheduleRepeating(util::TimerId& timer, util::Duration every,
                                       void (BridgeRegistry::*fn)()) {
    timer =
        loop_.schedule(every, [this, &timer, every, fn] {  // cancelled by stop(), which the destructor calls
            if (!running_) return;
            (this->*fn)();
            if (running_) scheduleRepeating(timer, every, fn);
        });
}

// The disco requests are requests_': stop() (and the destructor) cancel them, so an answer to an older
// round never arrives here.
void BridgeRegistry::probe(const util::Jid& jid, std::function<void(bool)> done) {
    requests_.send<protocol::DiscoInfo>(
        Iq::request(IqType::Get, jid, protocol::DiscoInfo{}.toElement()), settings_.discoTimeout,
        [this, jid, done](util::Result<protocol::DiscoInfo, protocol::StanzaError> info) {
            if (!info) JLOG(debug) << "disco#info to " << jid.str() << ": " << info.error().condition;
            done(info && hasBridgeFeatures(*info));
        });
}

void BridgeRegistry::discover() {
    if (!running_ || discovering_) return;
    discovering_ = true;
    requests_.send<protocol::DiscoItems>(
        Iq::request(IqType::Get, settings_.domain, protocol::DiscoItems{}.toElement()),
        settings_.discoTimeout, [this](util::Result<protocol::DiscoItems, protocol::StanzaError> items) {
            if (!items) {
                // Keep what we know: one lost answer from the server does not mean every bridge is gone.
                const auto& e = items.error();
                JLOG(warning) << "disco#items of " << settings_.domain.str()
                              << " failed: " << (e.text.empty() ? e.condition : e.text);
                discovering_ = false;
                return;
            }
            std::vector<util::Jid> jids;
            for (const auto& item : items->items)
                if (auto j = util::Jid::parse(item.jid)) jids.push_back(*j);
            onItems(jids);
        });
}

void BridgeRegistry::onItems(const std::vector<util::Jid>& items) {
    std::set<util::Jid> listed(items.begin(), items.end());
    std::vector<util::Jid> gone;
    for (const auto& [jid, b] : bridges_)
        if (b.viaDisco && !listed.count(jid)) gone.push_back(jid);
    for (const auto& jid : gone) unvouch(jid, Source::Disco);
    pendingInfos_ = listed.size();
    if (listed.empty()) discovering_ = false;
    for (const auto& jid : listed) {
        probe(jid, [this, jid](bool isBridge) {
            if (isBridge) {
                vouch(jid, Source::Disco);
                setHealthy(jid, true);
            } else {
                unvouch(jid, Source::Disco);
                setHealthy(jid, false);  // still listed through stats: at least it is not usable now
            }
            if (pendingInfos_ > 0 && --pendingInfos_ == 0) discovering_ = false;
        });
    }
}

void BridgeRegistry::checkHealth() {
    if (!running_) return;
    std::vector<util::Jid> jids;
    for (const auto& [jid, b] : bridges_)
        if (healthPending_.insert(jid).second) jids.push_back(jid);
    for (const auto& jid : jids) {
        probe(jid, [this, jid](bool ok) {
            healthPending_.erase(jid);
            setHealthy(jid, ok);
        });
    }
}

void BridgeRegistry::vouch(const util::Jid& jid, Source source, const protocol::colibri::Stats* stats) {
    auto [it, inserted] = bridges_.try_emplace(jid);
    BridgeState& b = it->second;
    b.jid = jid;
    (source == Source::Disco ? b.viaDisco : b.viaStats) = true;
    if (stats) applyStats(b, *stats);
    if (!inserted) return;
    JLOG(info) << "bridge " << jid.str() << " is online ("
               << (source == Source::Disco ? "domain disco" : "stats node") << ")";
    feed_.bridgeAdded(jid);
    notify(jid, true);
}

void BridgeRegistry::unvouch(const util::Jid& jid, Source source) {
    auto it = bridges_.find(jid);
    if (it == bridges_.end()) return;
    BridgeState& b = it->second;
    (source == Source::Disco ? b.viaDisco : b.viaStats) = false;
    if (b.viaDisco || b.viaStats) return;
    bool wasUp = b.healthy;
    bridges_.erase(it);
    healthPending_.erase(jid);
    JLOG(warning) << "bridge " << jid.str() << " is offline";
    if (wasUp) notify(jid, false);  // a bridge already reported down is not reported twice
}

void BridgeRegistry::setHealthy(const util::Jid& jid, bool healthy) {
    auto it = bridges_.find(jid);
    if (it == bridges_.end() || it->second.healthy == healthy) return;
    it->second.healthy = healthy;
    if (healthy)
        JLOG(info) << "bridge " << jid.str() << " answers again";
    else
        JLOG(warning) << "bridge " << jid.str() << " failed its health check";
    notify(jid, healthy);
}

bool BridgeRegistry::handleMessage(const xml::Element& message) {
    return feed_.handleMessage(message);
}

void BridgeRegistry::reportStats(const util::Jid& jid, const protocol::colibri::Stats& stats, bool discover) {
    if (!running_) return;
    if (auto it = bridges_.find(jid); it != bridges_.end()) {
        applyStats(it->second, stats);
        if (discover) it->second.viaStats = true;
        return;
    }
    if (!discover) return;
    // An unknown item id: verify it once (bridges publish every second; a non-bridge is not asked again
    // until its rejection is older than the stats age).
    if (auto r = rejectedUntil_.find(jid); r != rejectedUntil_.end() && loop_.now() < r->second) return;
    unverifiedStats_[jid] = stats;
    if (!verifying_.insert(jid).second) return;
    probe(jid, [this, jid](bool isBridge) {
        verifying_.erase(jid);
        auto pending = unverifiedStats_.find(jid);
        protocol::colibri::Stats latest = pending->second;
        unverifiedStats_.erase(pending);
        if (!isBridge) {
            rejectedUntil_[jid] = loop_.now() + settings_.maxStatsReportAge;
            JLOG(info) << "stats item " << jid.str() << " is not a bridge";
            return;
        }
        vouch(jid, Source::Stats, &latest);
        setHealthy(jid, true);
    });
}

void BridgeRegistry::applyStats(BridgeState& b, const protocol::colibri::Stats& stats) {
    b.conferences = stats.number("conferences");
    b.videochannels = stats.number("videochannels");
    b.videostreams = stats.number("videostreams");
    b.statsAt = loop_.now();
}

void BridgeRegistry::expireStats() {
    util::TimePoint now = loop_.now();
    std::vector<util::Jid> stale;
    for (auto& [jid, b] : bridges_) {
        if (!b.statsAt || now - *b.statsAt <= settings_.maxStatsReportAge) continue;
        b.conferences.reset();
        b.videochannels.reset();
        b.videostreams.reset();
        b.statsAt.reset();
        if (b.viaStats) stale.push_back(jid);
    }
    for (const auto& jid : stale) unvouch(jid, Source::Stats);
}

bool BridgeRegistry::listening(BridgeListener* listener) const {
    return std::any_of(listeners_.begin(), listeners_.end(),
                       [listener](const Listener& l) { return l.listener == listener; });
}

void BridgeRegistry::addListener(BridgeListener* listener) {
    // A conference's listener hears events in that conference's fault domain, so its exception ends only it
    // and the other listeners are still told.
    if (!listening(listener)) listeners_.push_back({listener, util::FaultDomain::current()});
}

void BridgeRegistry::removeListener(BridgeListener* listener) {
    listeners_.erase(std::remove_if(listeners_.begin(), listeners_.end(),
                                    [listener](const Listener& l) { return l.listener == listener; }),
                     listeners_.end());
}

void BridgeRegistry::notify(const util::Jid& jid, bool up) {
    auto copy = listeners_;
    for (const Listener& l : copy) {
        if (!listening(l.listener)) continue;
        util::FaultDomain::run(l.domain, [&] {
            if (up)
                l.listener->onBridgeUp(jid);
            else
                l.listener->onBridgeDown(jid);
        });
    }
}

std::vector<BridgeState> BridgeRegistry::bridges() const {
    std::vector<BridgeState> out;
    out.reserve(bridges_.size());
    for (const auto& [jid, b] : bridges_) out.push_back(b);
    return out;
}

const BridgeState* BridgeRegistry::find(const util::Jid& jid) const {
    auto it = bridges_.find(jid);
    return it == bridges_.end() ? nullptr : &it->second;
}

void BridgeRegistry::markFailed(const util::Jid& jid) {
    auto it = bridges_.find(jid);
    if (it == bridges_.end()) return;
    it->second.failedAt = loop_.now();
    JLOG(warning) << "allocation on bridge " << jid.str() << " failed; it goes to the end of the list";
}

void BridgeRegistry::markOperational(const util::Jid& jid) {
    if (auto it = bridges_.find(jid); it != bridges_.end()) it->second.failedAt.reset();
}

}  // namespace jicofo::bridge
