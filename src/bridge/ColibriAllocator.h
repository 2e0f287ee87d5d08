#pragma once
// The Colibri channels of one room (docs/media.md §2, §5.1), on the focus loop; owned by the room's
// conference. It keeps one Colibri conference per bridge the room uses (normally one: without Octo everybody
// of a room must be on the same bridge, so a bridge already holding the room's channels is always tried
// first).
//
// allocate() tries bridges in order (room's bridge, then BridgeSelector with the conference's hint). On a
// bridge, the first allocation creates the Colibri conference (no id) and later ones wait for its id, then
// run in parallel (§2.2). Each request waits requestTimeout. An error, timeout or bad answer marks the
// bridge failed (BridgeRegistry::markFailed), makes the room give that bridge up (its participants there
// are reported lost, see AllocatorListener) and moves on to the next bridge; when none is left the caller
// gets an error (the conference then publishes bridgeIsDown and retries on BridgeListener::onBridgeUp).
// Nothing leaks: an answer to a cancelled allocation, or one arriving after expireAll() or the allocator's
// end, is expired at once; every expire goes through the shared ColibriExpiry, which keeps it until the
// bridge has answered it (resending when the bridge is reachable again).
//
// Every callback runs on the loop in a task of its own, never inside an allocator call; the allocator may
// be destroyed from a callback.
//
//   ColibriAllocator colibri(allocatorContext, roomJid, this);        // this: an AllocatorListener
//   auto tmpl = OfferFactory::createTemplate(features, openSctp);
//   AllocateOptions opts; opts.bundle = features.useBundle(); opts.simulcastMode = "REWRITING";
//   auto h = colibri.allocate(nick, tmpl, opts, props.bridgeHint(), [this, nick](auto r) {
//       if (!r) return publishBridgeIsDown();
//       Allocation a = std::move(r.value());           // keep it with the participant
//       sendOffer(a.channels.offerTransports(), a.channels.bridgeSsrcs());
//   });
//   colibri.cancel(h);                                  // participant left before the answer
//   colibri.update(a, buildSourcesUpdate(a.channels, sources), [](auto reply) { … });
//   colibri.update(a, *buildAudioMute(a.channels, colibri.conferenceName(), true));
//   colibri.expire(a);                                  // participant left
//   colibri.expireAll();                                // conference ends
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bridge/Allocation.h"
#include "bridge/AttemptDelivery.h"
#include "bridge/BridgeListener.h"
#include "protocol/colibri/ColibriRequests.h"
#include "protocol/jingle/Content.h"

namespace jicofo::bridge {

class ColibriAllocator : private BridgeListener {
  public:
    using Handle = uint64_t;  // never 0
    using AllocateCallback = std::function<void(util::Result<Allocation, protocol::StanzaError>)>;
    using UpdateCallback = std::function<void(const util::Result<protocol::Iq, protocol::StanzaError>&)>;

    // room: the MUC room; its local part is the Colibri conference name. listener may be null.
    ColibriAllocator(AllocatorContext& ctx, const util::Jid& room, AllocatorListener* listener = nullptr);
    // expireAll(): a room that goes away takes its channels with it.
    ~ColibriAllocator() override;
    ColibriAllocator(const ColibriAllocator&) = delete;
    ColibriAllocator& operator=(const ColibriAllocator&) = delete;

    // Channels for `endpoint` (the participant's nick) from the offer template (§2.2). options: bundle,
    // lastN, adaptiveLastN, simulcastMode; the allocator fills in conference id, name and endpoint. hint: the
    // conference IQ's `bridge` property. cb gets the Allocation or the error (service-unavailable when no
    // bridge could allocate, or the stream is down) exactly once, unless cancel() came first.
    Handle allocate(const std::string& endpoint, const std::vector<protocol::jingle::Content>& offerTemplate,
                    protocol::colibri::AllocateOptions options, const std::optional<util::Jid>& bridgeHint,
                    AllocateCallback cb);
    // The callback will not run. Channels the bridge allocates (or already allocated) are expired.
    void cancel(Handle handle);

    // Sends a Colibri update (a payload from ColibriRequests.h: sources, transport, payload types, mute) as
    // an IQ set to the allocation's bridge with the room's conference id. The 2015 bridge's answer is only
    // informative: errors are logged and passed to cb, they do not mark the bridge (health checks do). A
    // stale allocation (expired, lost) sends nothing; cb gets item-not-found.
    void update(const Allocation& allocation, protocol::colibri::ColibriConference payload,
                UpdateCallback cb = {});
    // Expires the participant's channels (one IQ) and forgets them; stale allocations are ignored. A bridge
    // conference left with no channel is forgotten too (the bridge drops it soon, §2.5), so the room's next
    // allocation there creates a new one.
    void expire(const Allocation& allocation);
    // Conference end: one expire per bridge with every live channel of the room; pending allocations are
    // dropped without callback (their answers are expired when they come). The allocator stays usable.
    void expireAll();

    const util::Jid& room() const { return room_; }
    const std::string& conferenceName() const { return name_; }
    // Endpoints with live channels on the bridge (also what onParticipantsLost reports).
    std::vector<std::string> endpointsOn(const util::Jid& bridge) const;
    std::vector<util::Jid> bridgesInUse() const;
    // The Colibri conference id on that bridge; "" when none (yet).
    std::string conferenceId(const util::Jid& bridge) const;
    // Allocations asked for and not yet answered to the caller (nor cancelled).
    std::size_t pendingCount() const;

  private:
    using IqResult = util::Result<protocol::Iq, protocol::StanzaError>;
    // The room's Colibri conference on one bridge.
    struct Session {
        std::string id;              // "" until the first allocation's answer
        bool creating = false;       // that first allocation is in flight
        std::deque<Handle> waiting;  // allocations waiting for the id
        std::map<std::string, protocol::colibri::ParticipantChannels> live;  // endpoint → channels
    };
    using Stage = AttemptCore::Stage;
    struct Attempt : AttemptCore {
        std::string endpoint;
        std::vector<protocol::jingle::Content> offerTemplate;
        protocol::colibri::AllocateOptions options;
        std::vector<util::Jid> candidates;
        std::size_t next = 0;
        util::Jid bridge;
    };

    void onBridgeUp(const util::Jid&) override {}
    void onBridgeDown(const util::Jid& bridge) override;

    std::vector<util::Jid> candidates(const std::optional<util::Jid>& hint) const;
    void tryNext(Handle h);
    void startOn(Handle h, const util::Jid& bridge);
    void send(Handle h);
    void onReply(Handle h, IqResult reply);
    void onSuccess(Handle h, protocol::colibri::ParticipantChannels channels);
    void onFailure(Handle h, const protocol::StanzaError& error);
    void dropBridge(const util::Jid& bridge, const protocol::StanzaError& why);
    void finish(Handle h, util::Result<Allocation, protocol::StanzaError> outcome);
    void expireChannels(const util::Jid& bridge, const std::string& conferenceId,
                        const std::vector<protocol::colibri::ParticipantChannels>& channels);
    void forgetIfIdle(const util::Jid& bridge);
    bool busy(const util::Jid& bridge) const;

    AllocatorContext& ctx_;
    util::Jid room_;
    std::string name_;
    AllocatorListener* listener_;
    std::map<util::Jid, Session> sessions_;
    std::unordered_map<Handle, Attempt> attempts_;
    Handle nextHandle_ = 1;
    uint64_t nextRequest_ = 1;
    // Posted deliveries, and allocation answers: those still matter once this is gone (the channels they
    // bring are given back through ColibriExpiry), so they are not owned requests.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
    xmpp::IqRequests updates_{ctx_.router};  // channel updates: nobody waits for them once this is gone
};

}  // namespace jicofo::bridge
