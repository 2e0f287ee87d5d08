// Conference: what occupants and operators may do to others (docs/protocol.md §6.1 mute, §6.7 room
// destruction). Every claim is checked against what the focus itself knows: the sender's occupant record
// (role from the MUC), the participant records of media, never attributes the client wrote.
#include "conference/Conference.h"
#include "log/Log.h"
#include "protocol/colibri/ColibriRequests.h"
#include "protocol/focus/MuteIq.h"

namespace jicofo::conference {

using protocol::Iq;
using protocol::StanzaError;

namespace {

// The 2015 focus answered every refusal with internal-server-error; these say what went wrong
// (README, "Differences"): forbidden = not a participant, not-allowed = not your right, item-not-found = no
// such participant, internal-server-error = the bridge could not do it.
Iq refuse(const Iq& iq, const std::string& room, const std::string& condition, const std::string& why) {
    JLOG_ROOM(info, room) << "mute from " << iq.from.str() << " refused (" << condition << "): " << why;
    return iq.errorReply(StanzaError::of(condition, why));
}

}  // namespace

std::optional<Iq> Conference::handleMute(const Iq& iq, const util::Jid& target, bool mute) {
    const std::string room = roomJid_.str();
    const muc::Occupant* sender = room_.findOccupant(iq.from);
    const Participant* senderRecord = sender && media_ ? media_->participant(sender->nick) : nullptr;
    if (!senderRecord) return refuse(iq, room, "forbidden", "the sender is not a participant of this room");
    bool self = target == sender->occupantJid;
    if (!self && !sender->isModeratorOrBetter())
        return refuse(iq, room, "not-allowed", "only a moderator may mute others");
    if (!self && !mute) return refuse(iq, room, "not-allowed", "only the participant may unmute itself");
    const muc::Occupant* targetOccupant = room_.findOccupant(target);
    const Participant* targetRecord = targetOccupant ? media_->participant(targetOccupant->nick) : nullptr;
    if (!targetRecord) return refuse(iq, room, "item-not-found", "no such participant in this room");
    // The answer waits for the bridge (Colibri v1 channel direction, or Colibri2 <force-mute>); then the
    // target hears it from the focus occupant (Prosody rewrites our 'from' to room/focus), without the jid
    // attribute.
    xmpp::StanzaChannel& client = ctx_.client;
    xmpp::IqRouter& router = ctx_.clientRouter;
    util::Duration timeout = ctx_.settings.iqTimeout;
    util::Jid targetJid = targetOccupant->occupantJid;
    auto answer = [&client, &router, iq, room, self, mute, targetJid, timeout](const auto& reply) {
        if (!reply) {
            client.send(refuse(iq, room, "internal-server-error",
                               "the bridge refused the mute: " + reply.error().condition)
                            .toElement());
            return;
        }
        client.send(iq.result().toElement());
        if (self) return;
        protocol::MuteIq forward;
        forward.mute = mute;
        router.sendRequest(Iq::request(protocol::IqType::Set, targetJid, forward.toElement()), timeout,
                           [](const auto&) {});  // the 2015 focus did not look at the client's answer
    };
    bool sent =
        targetRecord->allocation && media_->allocator().muteAudio(*targetRecord->allocation, mute, answer);
    if (!sent) return refuse(iq, room, "internal-server-error", "the participant has no audio channel yet");
    JLOG_ROOM(info, room) << sender->nick << (mute ? " mutes " : " unmutes ") << targetOccupant->nick;
    return std::nullopt;
}

void Conference::destroyRoom(const std::string& reason) {
    if (ended_) return;
    room_.destroy(reason, [this, reason](bool ok) {
        // Destroyed: our own unavailable presence ends the conference (onRoomLost). Refused: leave anyway,
        // the reservation is over.
        if (!ok) stop(reason);
    });
}

}  // namespace jicofo::conference
