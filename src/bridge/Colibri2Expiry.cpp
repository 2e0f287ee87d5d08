#include "bridge/Colibri2Expiry.h"

#include <algorithm>
#include <optional>

#include "log/Log.h"
#include "protocol/colibri2/Colibri2Error.h"
#include "protocol/colibri2/Colibri2Requests.h"
#include "util/FaultDomain.h"

namespace jicofo::bridge {

namespace colibri2 = protocol::colibri2;

bool answeredByBridge(const protocol::StanzaError& error) {
    auto parsed = colibri2::Colibri2Error::fromStanzaError(error);
    if (parsed && parsed->reason && *parsed->reason != colibri2::Colibri2Reason::Unspecified) return true;
    return error.condition == "bad-request";
}

Colibri2Expiry::Colibri2Expiry(util::Loop& loop, xmpp::StanzaChannel& channel, xmpp::IqRouter& router,
                               Brewery& brewery, Settings settings)
    : brewery_(brewery), queue_(loop, channel, router, settings, "Colibri2", hooks_) {
    util::FaultDomain::Scope outside(nullptr);  // shared by every conference: none of them owns this
    brewery_.addListener(this);
}

Colibri2Expiry::~Colibri2Expiry() {
    brewery_.removeListener(this);
    if (queue_.size() > 0)
        JLOG(warning) << "stopping with " << queue_.size() << " Colibri2 expiries not answered yet";
}

void Colibri2Expiry::expireEndpoint(const util::Jid& bridge, const util::Jid& room,
                                    const std::string& meetingId, const std::string& endpoint) {
    if (meetingId.empty() || endpoint.empty()) return;
    queue_.add(bridge, room, Expire{meetingId, endpoint});
}

void Colibri2Expiry::expireConference(const util::Jid& bridge, const util::Jid& room,
                                      const std::string& meetingId) {
    if (meetingId.empty()) return;
    // A conference expire covers its endpoints' expiries still waiting.
    queue_.dropWaiting(
        [&](const Queue::Request& r) { return r.bridge == bridge && r.payload.meetingId == meetingId; });
    queue_.add(bridge, room, Expire{meetingId, ""});
}

std::optional<xml::Element> Colibri2Expiry::Hooks::payloadOf(const Queue::Request& r) const {
    const Expire& e = r.payload;
    auto req = e.endpoint.empty() ? colibri2::buildConferenceExpire(e.meetingId)
                                  : colibri2::buildEndpointExpire(e.meetingId, e.endpoint);
    return req.toElement();
}

std::string Colibri2Expiry::Hooks::describe(const Queue::Request& r) const {
    const Expire& e = r.payload;
    return (e.endpoint.empty() ? "conference " + e.meetingId : "endpoint " + e.endpoint) + " on " +
           r.bridge.str();
}

Colibri2Expiry::Queue::Verdict Colibri2Expiry::Hooks::answered(const Queue::Request& r,
                                                               const Queue::IqResult& answer) {
    if (answer) return Queue::Verdict::Done;
    if (!answeredByBridge(answer.error())) return Queue::Verdict::Retry;
    JLOG_ROOM(debug, r.room.str()) << "expiry of " << describe(r) << " answered " << answer.error().condition
                                   << ": nothing left to expire";
    return Queue::Verdict::Done;
}

// Retried on the timer while the brewery lists the bridge; else onBridgeUp sends it.
bool Colibri2Expiry::Hooks::retryable(const util::Jid& bridge) const {
    return owner_.brewery_.find(bridge) != nullptr;
}

}  // namespace jicofo::bridge
