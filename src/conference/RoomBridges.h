#pragma once
// A room's bridge, of either generation (issue 13 §2): the MediaAllocator its MediaSessions talks to. The
// room's first allocation chooses the generation — a 2015 bridge found by disco (BridgeSelector) or a
// modern one in the brewery (BrewerySelector); the room then stays on it while it has endpoints there
// (one bridge per conference). With bridges of both kinds available, the generation holding fewer of this
// focus's rooms is taken (Colibri2 on a tie), so both kinds are used; a conference IQ's `bridge` hint that
// names a brewery bridge picks Colibri2, any other hint Colibri v1. An allocation that finds no bridge of
// its generation tries the other one once, if the room has nothing on the first.
// The Colibri v1 half turns the MediaAllocator calls into 2015 Colibri updates (protocol/colibri's
// builders); the Colibri2 half is bridge::Colibri2Allocator.
#include <memory>
#include <optional>
#include <unordered_map>

#include "bridge/Colibri2Allocator.h"
#include "bridge/ColibriAllocator.h"
#include "bridge/MediaAllocator.h"
#include "conference/MediaSettings.h"

namespace jicofo::conference {

class RoomBridges : public bridge::MediaAllocator {
  public:
    RoomBridges(MediaContext& media, const util::Jid& room, bridge::AllocatorListener* listener);
    ~RoomBridges() override;
    RoomBridges(const RoomBridges&) = delete;
    RoomBridges& operator=(const RoomBridges&) = delete;

    Handle allocate(const std::string& endpoint, const std::vector<protocol::jingle::Content>& offerTemplate,
                    const protocol::colibri::AllocateOptions& options, const std::optional<util::Jid>& hint,
                    AllocateCallback cb) override;
    void cancel(Handle handle) override;
    void accepted(const bridge::Allocation& allocation, const protocol::jingle::Jingle& accept,
                  const protocol::jingle::MediaSources& sources,
                  const std::vector<std::string>& offeredContents) override;
    void sourcesChanged(const bridge::Allocation& allocation,
                        const protocol::jingle::MediaSources& sources) override;
    void transportInfo(const bridge::Allocation& allocation,
                       const std::vector<protocol::jingle::Content>& contents,
                       const std::vector<std::string>& offeredContents) override;
    void expire(const bridge::Allocation& allocation) override;
    void expireAll() override;
    std::vector<util::Jid> bridgesInUse() const override;

    // Colibri v1 only (audio mute through the 2015 bridge): a raw update; a Colibri2 allocation gets
    // feature-not-implemented.
    void update(const bridge::Allocation& allocation, protocol::colibri::ColibriConference payload,
                bridge::ColibriAllocator::UpdateCallback cb = {});
    // A moderator's audio mute (or the participant's own unmute), on either generation: Colibri v1 turns
    // the audio channels sendonly (as in 2015), Colibri2 sends <force-mute audio>. false, and no callback,
    // when the participant has nothing to mute yet (no audio channel).
    bool muteAudio(const bridge::Allocation& allocation, bool mute,
                   bridge::ColibriAllocator::UpdateCallback cb);
    const std::string& conferenceName() const { return colibri1_.conferenceName(); }
    // The room's meeting id (its muc#roominfo_meetingId) for its Colibri2 conference; "" keeps the UUID.
    void setMeetingId(const std::string& meetingId) {
        if (colibri2_) colibri2_->setMeetingId(meetingId);
    }
    bridge::ColibriAllocator& colibri1() { return colibri1_; }
    bridge::Colibri2Allocator* colibri2() { return colibri2_.get(); }

  private:
    enum class Generation { Colibri1, Colibri2 };
    struct Pending {
        Generation generation;
        Handle inner = 0;
        bool fellBack = false;
    };
    Generation choose(const std::optional<util::Jid>& hint) const;
    bool colibri1Available() const;
    bool colibri2Available() const;
    bridge::MediaAllocator& half(Generation g);
    Handle start(Handle outer, Generation g, const std::string& endpoint,
                 const std::vector<protocol::jingle::Content>& offerTemplate,
                 const protocol::colibri::AllocateOptions& options, const std::optional<util::Jid>& hint,
                 AllocateCallback cb);
    void settle();

    // Colibri v1 through the MediaAllocator interface (the 2015 update builders).
    class Colibri1Half;
    MediaContext& media_;
    bridge::ColibriAllocator colibri1_;
    std::unique_ptr<Colibri1Half> colibri1Half_;
    std::unique_ptr<bridge::Colibri2Allocator> colibri2_;  // null without a brewery
    std::unordered_map<Handle, Pending> pending_;
    Handle nextHandle_ = 1;
    bool onColibri1_ = false, onColibri2_ = false;  // as counted in media_.roomsPerGeneration
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace jicofo::conference
