#pragma once
// A room's endpoints on a modern bridge (docs/media.md §2b, issue 13 §2), on the focus loop; owned by the
// room's media half. One bridge conference per room at a time (no Octo): the first allocation picks a bridge
// from the brewery (BrewerySelector), creates the conference there with its endpoint (create='true' once,
// meeting-id, name = the room's bare JID) and later ones wait for that answer, then run in parallel. Each
// endpoint is created with the offer's <media>, <transport ice-controlling='true'> (+ <sctp/> when data is
// offered) and <capability name='source-names'/>; the answer's ICE transport (fingerprint, candidates,
// web-socket), SCTP port and feedback sources become the Allocation the offer is built from.
//
// Errors (docs/media.md §2b's error table):
//  - bad-request (no colibri2 reason): the bridge refused the request itself; the caller gets it, no retry;
//  - conference_not_found: the bridge dropped the conference (it expires an empty one by itself): the room's
//    endpoints there are lost (re-invited) and an allocation creates it again;
//  - conference_already_exists (a create raced with an old conference of the meeting-id): sent again
//    without create;
//  - graceful_shutdown: the bridge is marked (Brewery::markGracefulShutdown), the room leaves it and
//    allocations move to another bridge;
//  - any other error or a timeout: the bridge is marked non-operational, the room leaves it, allocations
//    move on.
// Leaving a bridge reports its endpoints through AllocatorListener::onParticipantsLost (the conference
// re-invites them); a bridge leaving the brewery or failing its health check does the same. Every expire
// goes through the shared Colibri2Expiry, which keeps it until the bridge answered. When the room's last
// endpoint is expired the bridge ends the conference by itself; the next allocation creates it again.
//
//   Colibri2Allocator c2(colibri2Context, roomJid, meetingId, this);   // this: an AllocatorListener
//   auto h = c2.allocate(nick, offerTemplate, {}, std::nullopt, [](auto r) { … r->offerTransports() … });
//   c2.accepted(allocation, sessionAccept, completeSources, offeredContents);
//   c2.expire(allocation);   c2.expireAll();
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "bridge/AttemptDelivery.h"
#include "bridge/Brewery.h"
#include "bridge/Colibri2Expiry.h"
#include "bridge/MediaAllocator.h"
#include "protocol/colibri2/Colibri2Requests.h"

namespace jicofo::bridge {

// Shared by every room's Colibri2Allocator; built once by the app; must outlive them.
struct Colibri2Context {
    util::Loop& loop;
    xmpp::StanzaChannel& channel;  // the focus user's stream (it sits in the brewery)
    xmpp::IqRouter& router;
    Brewery& brewery;
    Colibri2Expiry& expiry;
    util::Duration requestTimeout{20000};
};

class Colibri2Allocator : public MediaAllocator, private BridgeListener {
  public:
    // meetingId: the room's muc#roominfo_meetingId, or "" for a new UUID. listener may be null.
    Colibri2Allocator(Colibri2Context& ctx, const util::Jid& room, std::string meetingId,
                      AllocatorListener* listener = nullptr);
    ~Colibri2Allocator() override;  // expireAll()
    Colibri2Allocator(const Colibri2Allocator&) = delete;
    Colibri2Allocator& operator=(const Colibri2Allocator&) = delete;

    Handle allocate(const std::string& endpoint, const std::vector<protocol::jingle::Content>& offerTemplate,
                    const protocol::colibri::AllocateOptions& options, const std::optional<util::Jid>& hint,
                    AllocateCallback cb) override;
    void cancel(Handle handle) override;
    void accepted(const Allocation& allocation, const protocol::jingle::Jingle& accept,
                  const protocol::jingle::MediaSources& sources,
                  const std::vector<std::string>& offeredContents) override;
    void sourcesChanged(const Allocation& allocation, const protocol::jingle::MediaSources& sources) override;
    void transportInfo(const Allocation& allocation, const std::vector<protocol::jingle::Content>& contents,
                       const std::vector<std::string>& offeredContents) override;
    void expire(const Allocation& allocation) override;
    void expireAll() override;
    std::vector<util::Jid> bridgesInUse() const override;

    // The bridge drops (or forwards again) the endpoint's audio/video: <force-mute> (docs/media.md §2b). cb
    // gets the bridge's answer; item-not-found at once (in a task of its own) when the endpoint is gone.
    using UpdateCallback = std::function<void(const util::Result<protocol::Iq, protocol::StanzaError>&)>;
    void forceMute(const Allocation& allocation, bool audio, bool video, UpdateCallback cb);

    const std::string& meetingId() const { return meetingId_; }
    // The room's muc#roominfo_meetingId, known once the focus has joined (ChatRoom::meetingId()). Taken when
    // the room has no conference on a bridge and nothing in flight; else (or when empty) the current id
    // stays until that conference ends.
    void setMeetingId(const std::string& meetingId);
    // Whether the brewery could give this room a bridge now (the room's own, or a new one).
    bool canAllocate() const;
    std::vector<std::string> endpoints() const;
    std::size_t pendingCount() const;

  private:
    using IqResult = util::Result<protocol::Iq, protocol::StanzaError>;
    // The room's conference on its bridge.
    struct Session {
        // A constructor of its own rather than member initialisers: clang 14 (the TSan and fuzz builds)
        // cannot tell std::optional<Session> that a nested class with initialisers is default-constructible.
        Session() : created(false), creating(false) {}
        util::Jid bridge;
        bool created;   // a request of ours with create was answered (or the bridge said it exists)
        bool creating;  // that request is in flight
        std::deque<Handle> waiting;
        std::map<std::string, std::uint64_t> live;  // endpoint → serial of its allocation
    };
    using Stage = AttemptCore::Stage;
    struct Attempt : AttemptCore {
        std::string endpoint;
        std::vector<protocol::jingle::Content> offerTemplate;
        std::optional<util::Jid> hint;
        std::string region;         // the participant's (docs/media.md §1.5: its region's bridges first)
        std::set<util::Jid> tried;  // bridges this allocation gave up
        util::Jid bridge;
        bool withCreate = false;
        int recreations = 0;  // conference_not_found answers seen
    };

    void onBridgeUp(const util::Jid&) override {}
    void onBridgeDown(const util::Jid& bridge) override;

    std::optional<util::Jid> pick(const Attempt& a) const;
    void tryNext(Handle h);
    void startOn(Handle h, const util::Jid& bridge);
    void send(Handle h);
    void onReply(Handle h, IqResult reply);
    void onCreated(Handle h, const protocol::colibri2::Allocation& answer);
    void onError(Handle h, const protocol::StanzaError& error);
    void releaseWaiting(bool created);
    void dropSession(const std::string& why, bool expireThere);
    void finish(Handle h, util::Result<Allocation, protocol::StanzaError> outcome);
    void update(const Allocation& allocation, protocol::colibri2::ConferenceModify request, const char* what);
    void onUpdateError(const util::Jid& bridge, const std::string& endpoint, const protocol::StanzaError& e);
    void forgetIfIdle();
    bool isLive(const Allocation& allocation) const;
    Allocation makeAllocation(const Attempt& a, const protocol::colibri2::Allocation& answer,
                              std::uint64_t serial) const;
    void reportLost(const util::Jid& bridge, std::vector<std::string> endpoints);

    Colibri2Context& ctx_;
    util::Jid room_;
    std::string meetingId_;
    AllocatorListener* listener_;
    std::optional<Session> session_;
    std::unordered_map<Handle, Attempt> attempts_;
    Handle nextHandle_ = 1;
    std::uint64_t nextRequest_ = 1, nextSerial_ = 1;
    // Guards the allocation answers (a late one must still expire what it brings) and posted tasks.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
    xmpp::IqRequests updates_{ctx_.router};  // endpoint updates and force-mutes, cancelled with this
};

}  // namespace jicofo::bridge
