#include "conference/RoomBridges.h"

#include "log/Log.h"
#include "media/ColibriUpdates.h"
#include "protocol/colibri/ColibriRequests.h"

namespace jicofo::conference {

using protocol::StanzaError;

// The 2015 allocator behind the MediaAllocator calls: what a Jingle answer or change means in Colibri v1.
class RoomBridges::Colibri1Half : public bridge::MediaAllocator {
  public:
    explicit Colibri1Half(bridge::ColibriAllocator& c) : c_(c) {}
    Handle allocate(const std::string& endpoint, const std::vector<protocol::jingle::Content>& offerTemplate,
                    const protocol::colibri::AllocateOptions& options, const std::optional<util::Jid>& hint,
                    AllocateCallback cb) override {
        return c_.allocate(endpoint, offerTemplate, options, hint, std::move(cb));
    }
    void cancel(Handle h) override { c_.cancel(h); }
    void accepted(const bridge::Allocation& a, const protocol::jingle::Jingle& accept,
                  const protocol::jingle::MediaSources& sources,
                  const std::vector<std::string>& offeredContents) override {
        auto updates =
            media::buildAcceptUpdates(a.channels, c_.conferenceName(), accept, sources, offeredContents);
        c_.update(a, updates.merged());
    }
    void sourcesChanged(const bridge::Allocation& a, const protocol::jingle::MediaSources& sources) override {
        c_.update(a, media::buildSourcesUpdate(a.channels, sources));
    }
    void transportInfo(const bridge::Allocation& a, const std::vector<protocol::jingle::Content>& contents,
                       const std::vector<std::string>& offeredContents) override {
        auto update = media::buildTransportUpdate(a.channels, c_.conferenceName(), contents, offeredContents);
        if (update) c_.update(a, std::move(*update));
    }
    void expire(const bridge::Allocation& a) override { c_.expire(a); }
    void expireAll() override { c_.expireAll(); }
    std::vector<util::Jid> bridgesInUse() const override { return c_.bridgesInUse(); }

  private:
    bridge::ColibriAllocator& c_;
};

RoomBridges::RoomBridges(MediaContext& media, const util::Jid& room, bridge::AllocatorListener* listener)
    : media_(media),
      colibri1_(media.colibri, room, listener),
      colibri1Half_(std::make_unique<Colibri1Half>(colibri1_)) {
    if (media.colibri2)
        colibri2_ = std::make_unique<bridge::Colibri2Allocator>(*media.colibri2, room, "", listener);
}

RoomBridges::~RoomBridges() {
    // The halves expire everything when they go; the room no longer counts on either generation.
    if (onColibri1_) --media_.roomsPerGeneration.colibri1;
    if (onColibri2_) --media_.roomsPerGeneration.colibri2;
}

bool RoomBridges::colibri1Available() const {
    auto now = media_.colibri.loop.now();
    for (const auto& b : media_.colibri.registry.bridges())
        if (media_.colibri.selector.isOperational(b, now)) return true;
    return false;
}

bool RoomBridges::colibri2Available() const {
    return colibri2_ && colibri2_->canAllocate();
}

RoomBridges::Generation RoomBridges::choose(const std::optional<util::Jid>& hint) const {
    if (!colibri2_) return Generation::Colibri1;
    // A room stays where it is (or is going).
    if (!colibri1_.bridgesInUse().empty() || colibri1_.pendingCount() > 0) return Generation::Colibri1;
    if (!colibri2_->bridgesInUse().empty() || colibri2_->pendingCount() > 0) return Generation::Colibri2;
    if (hint) return media_.colibri2->brewery.find(*hint) ? Generation::Colibri2 : Generation::Colibri1;
    bool one = colibri1Available(), two = colibri2Available();
    if (one && two)
        return media_.roomsPerGeneration.colibri1 < media_.roomsPerGeneration.colibri2 ? Generation::Colibri1
                                                                                       : Generation::Colibri2;
    return two ? Generation::Colibri2 : Generation::Colibri1;
}

bridge::MediaAllocator& RoomBridges::half(Generation g) {
    if (g == Generation::Colibri2 && colibri2_) return *colibri2_;
    return *colibri1Half_;
}

RoomBridges::Handle RoomBridges::allocate(const std::string& endpoint,
                                          const std::vector<protocol::jingle::Content>& offerTemplate,
                                          const protocol::colibri::AllocateOptions& options,
                                          const std::optional<util::Jid>& hint, AllocateCallback cb) {
    Handle outer = nextHandle_++;
    start(outer, choose(hint), endpoint, offerTemplate, options, hint, std::move(cb));
    return outer;
}

RoomBridges::Handle RoomBridges::start(Handle outer, Generation g, const std::string& endpoint,
                                       const std::vector<protocol::jingle::Content>& offerTemplate,
                                       const protocol::colibri::AllocateOptions& options,
                                       const std::optional<util::Jid>& hint, AllocateCallback cb) {
    Pending& p = pending_[outer];
    p.generation = g;
    std::weak_ptr<bool> alive = alive_;
    p.inner = half(g).allocate(
        endpoint, offerTemplate, options, hint,
        [this, alive, outer, endpoint, offerTemplate, options, hint,
         cb](util::Result<bridge::Allocation, StanzaError> r) mutable {
            if (!alive.lock()) return;
            auto it = pending_.find(outer);
            if (it == pending_.end()) return;
            Pending p = it->second;
            pending_.erase(it);
            Generation other =
                p.generation == Generation::Colibri1 ? Generation::Colibri2 : Generation::Colibri1;
            bool roomThere = !half(p.generation).bridgesInUse().empty();
            if (!r && r.error().condition == "service-unavailable" && !p.fellBack && !roomThere &&
                (other == Generation::Colibri1 ? colibri1Available() : colibri2Available())) {
                JLOG_ROOM(info, colibri1_.room().str())
                    << "no " << (p.generation == Generation::Colibri2 ? "Colibri2" : "Colibri v1")
                    << " bridge for " << endpoint << "; trying the other generation";
                start(outer, other, endpoint, offerTemplate, options, hint, std::move(cb));
                pending_[outer].fellBack = true;
                return;
            }
            settle();
            cb(std::move(r));
        });
    return p.inner;
}

void RoomBridges::cancel(Handle h) {
    auto it = pending_.find(h);
    if (it == pending_.end()) return;
    Pending p = it->second;
    pending_.erase(it);
    half(p.generation).cancel(p.inner);
    settle();
}

void RoomBridges::accepted(const bridge::Allocation& a, const protocol::jingle::Jingle& accept,
                           const protocol::jingle::MediaSources& sources,
                           const std::vector<std::string>& offeredContents) {
    half(a.colibri2 ? Generation::Colibri2 : Generation::Colibri1)
        .accepted(a, accept, sources, offeredContents);
}

void RoomBridges::sourcesChanged(const bridge::Allocation& a, const protocol::jingle::MediaSources& sources) {
    half(a.colibri2 ? Generation::Colibri2 : Generation::Colibri1).sourcesChanged(a, sources);
}

void RoomBridges::transportInfo(const bridge::Allocation& a,
                                const std::vector<protocol::jingle::Content>& contents,
                                const std::vector<std::string>& offeredContents) {
    half(a.colibri2 ? Generation::Colibri2 : Generation::Colibri1)
        .transportInfo(a, contents, offeredContents);
}

void RoomBridges::expire(const bridge::Allocation& a) {
    half(a.colibri2 ? Generation::Colibri2 : Generation::Colibri1).expire(a);
    settle();
}

void RoomBridges::expireAll() {
    colibri1_.expireAll();
    if (colibri2_) colibri2_->expireAll();
    pending_.clear();
    settle();
}

std::vector<util::Jid> RoomBridges::bridgesInUse() const {
    auto out = colibri1_.bridgesInUse();
    if (colibri2_)
        for (const auto& b : colibri2_->bridgesInUse()) out.push_back(b);
    return out;
}

void RoomBridges::update(const bridge::Allocation& a, protocol::colibri::ColibriConference payload,
                         bridge::ColibriAllocator::UpdateCallback cb) {
    if (!a.colibri2) return colibri1_.update(a, std::move(payload), std::move(cb));
    if (!cb) return;
    std::weak_ptr<bool> alive = alive_;
    media_.colibri.loop.post([alive, cb] {
        if (alive.lock()) cb(StanzaError::of("feature-not-implemented", "not on a Colibri2 bridge"));
    });
}

bool RoomBridges::muteAudio(const bridge::Allocation& a, bool mute,
                            bridge::ColibriAllocator::UpdateCallback cb) {
    if (a.colibri2) {
        if (!colibri2_) return false;
        colibri2_->forceMute(a, mute, false, std::move(cb));
        return true;
    }
    auto update = protocol::colibri::buildAudioMute(a.channels, colibri1_.conferenceName(), mute);
    if (!update) return false;
    colibri1_.update(a, std::move(*update), std::move(cb));
    return true;
}

void RoomBridges::settle() {
    bool one = !colibri1_.bridgesInUse().empty(), two = colibri2_ && !colibri2_->bridgesInUse().empty();
    auto& load = media_.roomsPerGeneration;
    if (one != onColibri1_) one ? ++load.colibri1 : --load.colibri1;
    if (two != onColibri2_) two ? ++load.colibri2 : --load.colibri2;
    onColibri1_ = one;
    onColibri2_ = two;
}

}  // namespace jicofo::conference
