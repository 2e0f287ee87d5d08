#include "conference/MediaSessions.h"

#include <algorithm>
#include <cctype>

#include "log/Log.h"
#include "media/ColibriUpdates.h"
#include "media/OfferFactory.h"
#include "media/SourceSignaling.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/stanza/Namespaces.h"
#include "util/Ids.h"

namespace jicofo::conference {

using protocol::Iq;
using protocol::IqType;
using protocol::StanzaError;
namespace jingle = protocol::jingle;

const char* toString(Participant::State s) {
    switch (s) {
        case Participant::State::Discovering:
            return "discovering";
        case Participant::State::Allocating:
            return "allocating";
        case Participant::State::WaitingForBridge:
            return "waiting for a bridge";
        case Participant::State::Offered:
            return "offered";
        case Participant::State::Active:
            return "active";
        case Participant::State::Failed:
            return "failed";
    }
    return "?";
}

namespace {
// 64 random bits in base 32, as the 2015 sid (docs/media.md §3.1).
std::string newSid() {
    static const char* digits = "0123456789abcdefghijklmnopqrstuv";
    std::string hex = util::randomHex(8);
    unsigned long long v = std::stoull(hex, nullptr, 16);
    std::string out;
    do {
        out.insert(out.begin(), digits[v % 32]);
        v /= 32;
    } while (v);
    return out;
}
}  // namespace

MediaSessions::MediaSessions(util::Loop& loop, xmpp::StanzaChannel& client, xmpp::IqRouter& router,
                             MediaContext& media, const util::Jid& room, const ConferenceProperties& props,
                             Hooks hooks)
    : loop_(loop),
      client_(client),
      router_(router),
      media_(media),
      room_(room),
      props_(props),
      hooks_(std::move(hooks)),
      allocator_(media, room, this) {
    media_.bridges.addListener(this);
    if (media_.colibri2) media_.colibri2->brewery.addListener(this);
}

MediaSessions::~MediaSessions() {
    media_.bridges.removeListener(this);
    if (media_.colibri2) media_.colibri2->brewery.removeListener(this);
}

Participant* MediaSessions::find(const std::string& nick, std::uint64_t generation) {
    auto it = participants_.find(nick);
    if (it == participants_.end() || it->second.generation != generation) return nullptr;
    return &it->second;
}

const Participant* MediaSessions::participant(const std::string& nick) const {
    auto it = participants_.find(nick);
    return it == participants_.end() ? nullptr : &it->second;
}

void MediaSessions::start(const std::vector<muc::Occupant>& occupants) {
    started_ = true;
    JLOG_ROOM(info, room_.str()) << "starting media for " << occupants.size() << " participants";
    for (const auto& o : occupants) invite(o);
}

void MediaSessions::invite(const muc::Occupant& o) {
    if (participants_.count(o.nick)) return;
    Participant p;
    p.occupantJid = o.occupantJid;
    p.nick = o.nick;
    p.generation = nextGeneration_++;
    p.joinNumber = o.joinNumber;
    p.caps = o.caps;
    p.region = o.region;
    auto& stored = participants_.emplace(o.nick, std::move(p)).first->second;
    discover(stored);
}

void MediaSessions::discover(Participant& p) {
    p.state = Participant::State::Discovering;
    if (p.caps) {
        if (const auto* known = media_.caps.find(*p.caps)) {
            // A verified ver: the features are those of the disco#info it is the hash of (XEP-0115 §6.2).
            JLOG_ROOM(debug, room_.str()) << p.nick << ": caps " << p.caps->ver << " known, no disco#info";
            withFeatures(p, media::ParticipantFeatures::fromDisco(*known));
            return;
        }
    }
    std::string nick = p.nick;
    std::uint64_t gen = p.generation;
    // The raw result, not a typed one: the caps hash is computed over the element (CapsCache::learn).
    requests_.send(Iq::request(IqType::Get, p.occupantJid, protocol::DiscoInfo{}.toElement()),
                   media_.discoTimeout, [this, nick, gen](util::Result<Iq, StanzaError> reply) {
                       Participant* p = find(nick, gen);
                       if (!p) return;
                       std::optional<protocol::DiscoInfo> info;
                       if (reply && reply->payload) {
                           auto parsed = protocol::DiscoInfo::parse(*reply->payload);
                           if (parsed) info = parsed.value();
                       }
                       if (info && p->caps && !media_.caps.learn(*p->caps, *reply->payload, info->features))
                           JLOG_ROOM(info, room_.str())
                               << p->nick << ": caps " << p->caps->hash << " " << p->caps->ver
                               << " do not verify against its disco#info; not cached";
                       // No answer: everything assumed, as in 2015 (§3.1).
                       withFeatures(*p, info ? media::ParticipantFeatures::fromDisco(info->features)
                                             : media::ParticipantFeatures::assumed());
                   });
}

void MediaSessions::withFeatures(Participant& p, media::ParticipantFeatures features) {
    p.features = std::move(features);
    p.offerTemplate = media::OfferFactory::createTemplate(p.features, props_.openSctp);
    allocate(p);
}

void MediaSessions::allocate(Participant& p) {
    p.state = Participant::State::Allocating;
    protocol::colibri::AllocateOptions options;
    options.bundle = p.features.useBundle();
    options.lastN = props_.channelLastN;
    options.adaptiveLastN = props_.adaptiveLastN;
    options.region = p.region;
    if (props_.simulcastMode) {
        options.simulcastMode = *props_.simulcastMode;
        std::transform(options.simulcastMode.begin(), options.simulcastMode.end(),
                       options.simulcastMode.begin(), [](unsigned char c) { return std::toupper(c); });
    }
    std::optional<util::Jid> hint;
    if (props_.bridge) hint = util::Jid::parse(*props_.bridge);
    std::string nick = p.nick;
    std::uint64_t gen = p.generation;
    // allocator_ is a member and never calls back once destroyed, so `this` exists whenever this runs.
    p.pendingAllocation = allocator_.allocate(
        p.nick, p.offerTemplate, options, hint,
        [this, nick, gen](util::Result<bridge::Allocation, StanzaError> result) {
            Participant* p = find(nick, gen);
            if (!p) return;  // the allocator expires channels of cancelled allocations itself
            p->pendingAllocation = 0;
            if (!result) {
                JLOG_ROOM(warning, room_.str()) << "no bridge for " << nick << ": "
                                                << result.error().condition << " " << result.error().text;
                if (result.error().condition == "bad-request") {
                    p->state = Participant::State::Failed;  // the bridge refused it: retrying would not help
                    return;
                }
                p->state = Participant::State::WaitingForBridge;
                if (!bridgeDown_ && hooks_.bridgeDown) hooks_.bridgeDown(true);
                bridgeDown_ = true;
                scheduleRetry();
                return;
            }
            onAllocated(*p, std::move(result.value()));
        });
}

void MediaSessions::onAllocated(Participant& p, bridge::Allocation allocation) {
    if (bridgeDown_) {
        bridgeDown_ = false;
        if (hooks_.bridgeDown) hooks_.bridgeDown(false);
    }
    p.allocation = std::move(allocation);
    sendOffer(p);
}

void MediaSessions::sendOffer(Participant& p) {
    media::OfferFactory::OfferParams params;
    params.sid = newSid();
    params.initiator = client_.localJid().str();
    params.bundle = p.features.useBundle();
    params.transports = p.allocation->offerTransports();
    params.bridgeSsrcs = p.allocation->bridgeSsrcs();
    params.peers = sources_.allExcept(p.owner());
    params.jsonSources = p.features.jsonSources;
    params.bridgeSessionId = p.bridgeSessionId = util::randomUuid();
    if (hooks_.startMuted) {
        auto sm = hooks_.startMuted(p);
        if (sm.audio || sm.video) params.startMuted = sm;
    }
    auto offer = media::OfferFactory::createOffer(p.offerTemplate, params);
    if (!offer) {
        JLOG_ROOM(error, room_.str())
            << "cannot build the offer for " << p.nick << ": " << offer.error().text;
        allocator_.expire(*p.allocation);
        p.allocation.reset();
        p.state = Participant::State::Failed;
        return;
    }
    p.sid = params.sid;
    p.offeredContents = offer->contentNames();
    // The offer holds everything current: what was queued before it is in there already.
    p.queuedAdd = {};
    p.queuedRemove = {};
    p.state = Participant::State::Offered;
    JLOG_ROOM(info, room_.str()) << "session-initiate to " << p.nick << " (sid " << p.sid << ", bridge "
                                 << p.allocation->bridge.str() << ")";
    std::string nick = p.nick;
    std::uint64_t gen = p.generation;
    std::string sid = p.sid;
    requests_.send(Iq::request(IqType::Set, p.occupantJid, offer->toElement()), media_.jingleTimeout,
                   [this, nick, gen, sid](util::Result<Iq, StanzaError> reply) {
                       if (reply) return;
                       Participant* p = find(nick, gen);
                       if (!p || p->sid != sid || p->state != Participant::State::Offered) return;
                       // Refused or never acknowledged (§3.3): its channels go; it stays listed.
                       JLOG_ROOM(warning, room_.str())
                           << "session-initiate to " << nick << " failed: " << reply.error().condition;
                       if (p->allocation) allocator_.expire(*p->allocation);
                       p->allocation.reset();
                       p->state = Participant::State::Failed;
                   });
}

void MediaSessions::sendJingle(const Participant& to, const jingle::Jingle& j) {
    // Fire-and-forget (§3.8); the router swallows the answer.
    router_.sendRequest(Iq::request(IqType::Set, to.occupantJid, j.toElement()), media_.jingleTimeout,
                        [](const util::Result<Iq, StanzaError>&) {});
}

void MediaSessions::terminate(Participant& p, const std::string& reason) {
    if (p.state != Participant::State::Offered && p.state != Participant::State::Active) return;
    jingle::Jingle j;
    j.action = jingle::JingleAction::SessionTerminate;
    j.sid = p.sid;
    j.reason = jingle::Reason{reason, {}, {}};
    sendJingle(p, j);
}

void MediaSessions::notifyOthers(const Participant& from, const jingle::MediaSources& changed,
                                 jingle::JingleAction action) {
    if (changed.empty()) return;
    for (auto& [nick, other] : participants_) {
        if (nick == from.nick) continue;
        if (other.hasSession())
            sendJingle(other, media::sourceUpdate(changed, action, other.sid, other.features.jsonSources));
        else if (other.state != Participant::State::Failed)
            (action == jingle::JingleAction::SourceAdd ? other.queuedAdd : other.queuedRemove)
                .append(changed);
    }
}

void MediaSessions::updateBridgeSources(const Participant& p) {
    if (!p.allocation) return;
    allocator_.sourcesChanged(*p.allocation, sources_.sourcesOf(p.owner()));
}

void MediaSessions::remove(const std::string& nick) {
    auto it = participants_.find(nick);
    if (it == participants_.end()) return;
    Participant& p = it->second;
    if (p.pendingAllocation) allocator_.cancel(p.pendingAllocation);
    restarts_.forget(nick);
    terminate(p, "gone");
    notifyOthers(p, sources_.removeOwner(p.owner()), jingle::JingleAction::SourceRemove);
    if (p.allocation) allocator_.expire(*p.allocation);
    JLOG_ROOM(info, room_.str()) << nick << " removed from media (" << toString(p.state) << ")";
    participants_.erase(it);
}

void MediaSessions::stop() {
    if (retryTimer_) loop_.cancel(retryTimer_);
    retryTimer_ = 0;
    for (auto& [nick, p] : participants_) {
        if (p.pendingAllocation) allocator_.cancel(p.pendingAllocation);
        terminate(p, "gone");
    }
    participants_.clear();
    allocator_.expireAll();
}

void MediaSessions::onParticipantsLost(const util::Jid& bridge, const std::vector<std::string>& endpoints) {
    JLOG_ROOM(warning, room_.str()) << "bridge " << bridge.str() << " lost " << endpoints.size()
                                    << " participant(s); moving them";
    std::vector<Participant*> lost;
    for (const auto& nick : endpoints) {
        auto it = participants_.find(nick);
        if (it == participants_.end()) continue;
        Participant& p = it->second;
        terminate(p, "connectivity-error");
        p.allocation.reset();  // already forgotten by the allocator
        p.state = Participant::State::Allocating;
        lost.push_back(&p);
    }
    // Their old sources go from everyone still connected; they announce them again after the new offer.
    for (Participant* p : lost)
        notifyOthers(*p, sources_.removeOwner(p->owner()), jingle::JingleAction::SourceRemove);
    for (Participant* p : lost) allocate(*p);
}

void MediaSessions::onBridgeUp(const util::Jid& bridge) {
    retryWaiting("bridge " + bridge.str() + " is up");
}

void MediaSessions::scheduleRetry() {
    if (retryTimer_) return;
    // A failed bridge may recover without any event (its failure ages out in the selector): try again.
    retryTimer_ = loop_.schedule(media_.bridgeRetryInterval, [this] {
        retryTimer_ = 0;
        retryWaiting("retry");
    });
}

void MediaSessions::retryWaiting(const std::string& why) {
    for (auto& [nick, p] : participants_) {
        if (p.state != Participant::State::WaitingForBridge) continue;
        JLOG_ROOM(info, room_.str()) << why << ": allocating for " << nick << " again";
        allocate(p);
    }
}

}  // namespace jicofo::conference
