// Incoming Jingle actions of MediaSessions (docs/media.md §3.5, §4.2–§4.5).
#include "conference/MediaSessions.h"
#include "conference/SourceNames.h"
#include "log/Log.h"
#include "media/ColibriUpdates.h"
#include "media/SourceSignaling.h"
#include "protocol/colibri/ColibriRequests.h"
#include "protocol/focus/FocusErrors.h"

namespace jicofo::conference {

using protocol::Iq;
using protocol::StanzaError;
namespace jingle = protocol::jingle;

using protocol::focus_errors::unknownSession;

std::optional<Iq> MediaSessions::handleJingle(const Iq& iq, const jingle::Jingle& j) {
    // The session is the sid plus the sender's occupant JID (docs/media.md §3.4), never the attributes.
    auto it = participants_.find(iq.from.resource());
    if (it == participants_.end() || iq.from.bare() != room_ || it->second.sid.empty() ||
        it->second.sid != j.sid)
        return iq.errorReply(unknownSession());
    Participant& p = it->second;
    switch (j.action) {
        case jingle::JingleAction::SessionAccept:
            return onSessionAccept(p, iq, j);
        case jingle::JingleAction::SourceAdd:
            return onSourceAdd(p, iq, j);
        case jingle::JingleAction::SourceRemove:
            return onSourceRemove(p, iq, j);
        case jingle::JingleAction::TransportInfo:
            onTransportInfo(p, j);
            return iq.result();
        case jingle::JingleAction::SessionTerminate:
        case jingle::JingleAction::SessionInfo:
            return onRestartRequest(p, iq, j);  // restart or nothing (SessionRestart.cpp)
        default:
            // session-terminate, session-info, ...: acked and ignored as in 2015; the participant stays until
            // it leaves the room.
            JLOG_ROOM(debug, room_.str()) << p.nick << " sent " << j.actionName() << " (ignored)";
            return iq.result();
    }
}

std::optional<StanzaError> MediaSessions::refuseBridgeSsrcs(const Participant& p,
                                                            const jingle::MediaSources& claim) const {
    if (!p.allocation) return std::nullopt;
    for (const auto& [content, ssrc] : p.allocation->bridgeSsrcs())
        if (claim.findSource(ssrc))
            return StanzaError::of("bad-request", "SSRC " + std::to_string(ssrc) + " is the bridge's");
    return std::nullopt;
}

std::optional<Iq> MediaSessions::onSessionAccept(Participant& p, const Iq& iq, const jingle::Jingle& j) {
    if (p.state != Participant::State::Offered && p.state != Participant::State::Active)
        return iq.errorReply(StanzaError::of("unexpected-request", "no offer to accept"));
    auto claim = jingle::MediaSources::fromContents(j.contents, p.offeredContents);
    if (auto refused = refuseBridgeSsrcs(p, claim)) return iq.errorReply(*refused);
    nameSources(claim, p.nick);
    auto added = sources_.add(p.owner(), claim);
    if (!added) {
        JLOG_ROOM(warning, room_.str()) << p.nick << " session-accept refused: " << added.error().text;
        return iq.errorReply(added.error());
    }
    // Ack first, then work (§3.5), in this same task: nothing (an offer to someone else) may slip in between
    // storing the sources and telling the others, or they would hear of them twice.
    router_.send(iq.result());
    const jingle::MediaSources& fresh = added.value();
    if (!p.allocation) return std::nullopt;
    p.state = Participant::State::Active;
    JLOG_ROOM(info, room_.str()) << p.nick << " accepted the session with " << fresh.sourceCount()
                                 << " source(s)";
    // Bridge first, then the peers: both go out on one stream, so the bridge hears it first (§3.8).
    allocator_.accepted(*p.allocation, j, sources_.sourcesOf(p.owner()), p.offeredContents);
    notifyOthers(p, fresh, jingle::JingleAction::SourceAdd);
    bool json = p.features.jsonSources;
    if (!p.queuedAdd.empty())
        sendJingle(p, media::sourceUpdate(p.queuedAdd, jingle::JingleAction::SourceAdd, p.sid, json));
    if (!p.queuedRemove.empty())
        sendJingle(p, media::sourceUpdate(p.queuedRemove, jingle::JingleAction::SourceRemove, p.sid, json));
    p.queuedAdd = {};
    p.queuedRemove = {};
    return std::nullopt;
}

std::optional<Iq> MediaSessions::onSourceAdd(Participant& p, const Iq& iq, const jingle::Jingle& j) {
    auto claim = jingle::MediaSources::fromContents(j.contents, p.offeredContents);
    if (auto refused = refuseBridgeSsrcs(p, claim)) return iq.errorReply(*refused);
    nameSources(claim, p.nick);
    auto added = sources_.add(p.owner(), claim);
    if (!added) {
        JLOG_ROOM(warning, room_.str()) << p.nick << " source-add refused: " << added.error().text;
        return iq.errorReply(added.error());
    }
    router_.send(iq.result());  // ack first (§3.5), then the bridge, then the others
    updateBridgeSources(p);
    notifyOthers(p, added.value(), jingle::JingleAction::SourceAdd);
    return std::nullopt;
}

std::optional<Iq> MediaSessions::onSourceRemove(Participant& p, const Iq& iq, const jingle::Jingle& j) {
    auto request = jingle::MediaSources::fromContents(j.contents, p.offeredContents);
    jingle::MediaSources removed = sources_.remove(p.owner(), request);
    router_.send(iq.result());
    if (!removed.empty()) {
        updateBridgeSources(p);
        notifyOthers(p, removed, jingle::JingleAction::SourceRemove);
    }
    return std::nullopt;
}

void MediaSessions::onTransportInfo(Participant& p, const jingle::Jingle& j) {
    if (!p.allocation) return;
    allocator_.transportInfo(*p.allocation, j.contents, p.offeredContents);
}

}  // namespace jicofo::conference
