#include "conference/Conference.h"

#include <algorithm>

#include "log/Log.h"
#include "protocol/focus/ConferencePropertiesExt.h"
#include "protocol/focus/RoomExtensions.h"
#include "protocol/stanza/Namespaces.h"
#include "util/Ids.h"

namespace jicofo::conference {

Conference::Conference(FocusContext& ctx, util::Jid room, ConferenceProperties props, util::Jid creator,
                       ConferenceListener& listener)
    : ctx_(ctx),
      roomJid_(room.bare()),
      creator_(std::move(creator)),
      props_(std::move(props)),
      listener_(listener),
      room_(roomJid_, ctx.settings.nick, ctx.client, ctx.clientRouter, ctx.loop, *this,
            ctx.settings.mucJoinTimeout, ctx.settings.iqTimeout),
      owner_(room_, !ctx.settings.disableAutoOwner, ctx.authority),
      etherpad_(util::randomHex(16)),
      createdAt_(ctx.loop.now()) {
    if (ctx.media) {
        MediaSessions::Hooks hooks;
        hooks.bridgeDown = [this](bool down) {
            // 2015 wrote <bridgeIsDown/> with an empty namespace and never removed it; we remove it once a
            // bridge takes the participants again.
            if (down)
                room_.setExtension(protocol::room_extensions::bridgeIsDown());
            else
                room_.removeExtension(protocol::room_extensions::kBridgeIsDownName,
                                      protocol::room_extensions::kBridgeIsDownNs);
        };
        hooks.startMuted = [this](const Participant& p) { return startMutedFor(p); };
        // In the join presence already: clients read it to know they may ask for a restart (docs/media.md
        // §3.7).
        protocol::ConferencePropertiesExt props;
        props.properties.emplace_back(kSupportTerminateRestart, "true");
        room_.setExtension(props.toElement());
        media_ = std::make_unique<MediaSessions>(ctx.loop, ctx.client, ctx.clientRouter, *ctx.media, roomJid_,
                                                 props_, std::move(hooks));
    }
}

Conference::~Conference() {
    if (idleTimer_) ctx_.loop.cancel(idleTimer_);
}

void Conference::start() {
    JLOG_ROOM(info, roomJid_.str()) << "conference created by " << creator_.str();
    armIdleTimer();
    if (ctx_.client.isConnected()) room_.join();
}

void Conference::armIdleTimer() {
    // One timer instead of the 2015 five-second poll: fires exactly IDLE_TIMEOUT after the start.
    if (idleTimer_) ctx_.loop.cancel(idleTimer_);
    idleTimer_ = ctx_.loop.schedule(ctx_.settings.idleTimeout, [this] {
        idleTimer_ = 0;
        if (!anyoneJoined_) stop("nobody joined within the idle timeout");
    });
}

void Conference::stop(const std::string& reason) {
    if (ended_) return;
    ended_ = true;
    JLOG_ROOM(info, roomJid_.str()) << "conference ends: " << reason;
    if (idleTimer_) ctx_.loop.cancel(idleTimer_);
    idleTimer_ = 0;
    if (media_) media_->stop();
    room_.leave();
    answerWaiters(joinFailed_ ? JoinOutcome::Failed : JoinOutcome::NotJoined);
    listener_.onConferenceEnded(*this, reason);
}

void Conference::onClientConnected() {
    if (!ended_ && !room_.joined() && room_.state() != muc::ChatRoom::State::Joining) room_.join();
}

void Conference::onClientDisconnected() {
    room_.connectionLost();
    answerWaiters(JoinOutcome::NotJoined);  // clients retry with back-off (§4.4) until we are back
}

void Conference::whenJoined(JoinWaiter waiter) {
    if (room_.joined()) return waiter(JoinOutcome::Joined);
    if (ended_) return waiter(joinFailed_ ? JoinOutcome::Failed : JoinOutcome::NotJoined);
    if (!ctx_.client.isConnected()) return waiter(JoinOutcome::NotJoined);
    waiters_.push_back(std::move(waiter));
}

void Conference::answerWaiters(JoinOutcome outcome) {
    auto waiters = std::move(waiters_);
    waiters_.clear();
    for (auto& w : waiters) w(outcome);
}

void Conference::someoneJoined() {
    anyoneJoined_ = true;
    if (idleTimer_) ctx_.loop.cancel(idleTimer_);
    idleTimer_ = 0;
}

void Conference::onRoomJoined() {
    if (!etherpadSent_) {
        room_.setExtension(protocol::room_extensions::etherpad(etherpad_));
        etherpadSent_ = true;
    }
    if (!room_.occupants().empty()) {
        someoneJoined();
    } else if (anyoneJoined_) {
        // Rejoined after the stream came back and nobody is here (a server restart drops everyone): give the
        // participants the idle timeout to come back before ending the conference.
        anyoneJoined_ = false;
        armIdleTimer();
    }
    owner_.run();
    // The Colibri2 conference is named by the room's meeting id (docs/media.md §2b); a new UUID without one.
    if (media_) media_->allocator().setMeetingId(room_.meetingId());
    maybeStartMedia();
    answerWaiters(JoinOutcome::Joined);
}

void Conference::onRoomJoinFailed(const std::string& why) {
    joinFailed_ = true;
    stop("could not join the room: " + why);
}

void Conference::onOccupantJoined(const muc::Occupant& occupant) {
    JLOG_ROOM(info, roomJid_.str()) << occupant.nick << " joined (" << occupant.realJid.str()
                                    << "), join number " << occupant.joinNumber;
    someoneJoined();
    lastJoined_ = occupant.nick;
    if (occupant.startMuted) onOccupantUpdated(occupant);
    owner_.run();
    if (media_ && media_->started())
        media_->invite(occupant);
    else
        maybeStartMedia();
}

void Conference::onOccupantLeft(const muc::Occupant& occupant, bool kicked) {
    JLOG_ROOM(info, roomJid_.str()) << occupant.nick << (kicked ? " was kicked" : " left");
    if (media_) media_->remove(occupant.nick);
    if (room_.occupants().empty()) {
        // While rejoining, onRoomJoined decides (people may be on their way back after a server restart).
        if (room_.joined()) stop("last participant left");
        return;
    }
    owner_.run();
}

void Conference::onOccupantUpdated(const muc::Occupant& occupant) {
    JLOG_ROOM(debug, roomJid_.str()) << occupant.nick << " is now "
                                     << protocol::toString(occupant.affiliation) << "/"
                                     << protocol::toString(occupant.role);
    // Only an owner or admin may change the start-muted policy (§6.2); plain moderators do not count.
    bool ownerOrAdmin = occupant.affiliation == protocol::MucAffiliation::Owner ||
                        occupant.affiliation == protocol::MucAffiliation::Admin;
    if (occupant.startMuted && ownerOrAdmin) ownerStartMuted_ = occupant.startMuted;
    owner_.run();
}

void Conference::maybeStartMedia() {
    // Media starts with the second participant (§5.4) and then stays on.
    if (!media_ || media_->started() || !room_.joined() || room_.occupants().size() < 2) return;
    std::vector<muc::Occupant> all;
    for (const auto& [nick, o] : room_.occupants()) all.push_back(o);
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.arrival < b.arrival; });
    media_->start(all);
}

protocol::jingle::StartMuted Conference::startMutedFor(const Participant& p) const {
    protocol::jingle::StartMuted sm;
    sm.audio = props_.startAudioMuted && p.joinNumber > *props_.startAudioMuted;
    sm.video = props_.startVideoMuted && p.joinNumber > *props_.startVideoMuted;
    // An owner's true flag mutes the member that just joined; false falls back to the numbers.
    if (ownerStartMuted_ && p.nick == lastJoined_) {
        sm.audio = sm.audio || ownerStartMuted_->audio;
        sm.video = sm.video || ownerStartMuted_->video;
    }
    return sm;
}

void Conference::onRoomLost(const std::string& why) {
    stop(why);
}

}  // namespace jicofo::conference
