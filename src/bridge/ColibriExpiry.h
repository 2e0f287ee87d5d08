#pragma once
// Expire requests (docs/media.md §2.5) that do not need an allocator: also used for answers that arrive after
// their allocation was cancelled or after the room's allocator is gone, so no channel is left behind.
#include <string>
#include <vector>

#include "protocol/colibri/ColibriConference.h"
#include "protocol/colibri/ParticipantChannels.h"
#include "protocol/stanza/Stanza.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "xmpp/IqRouter.h"

namespace jicofo::bridge {

// The endpoint's channels and sctpconnections that have an id, from an allocate answer, however incomplete
// the rest of it is (what ParticipantChannels::fromAllocateResponse would refuse can still be expired).
protocol::colibri::ParticipantChannels channelsToExpire(const protocol::colibri::ColibriConference& response,
                                                        const std::string& endpoint);

// One fire-and-forget expire IQ (set) to the bridge; a refusal is only logged. Nothing is sent when there is
// no channel.
void sendExpire(xmpp::IqRouter& router, util::Duration timeout, const util::Jid& bridge,
                const std::string& conferenceId, const std::string& conferenceName,
                const std::vector<protocol::colibri::ParticipantChannels>& channels);

// The channels an allocate answer gave to `endpoint`, expired at once.
void expireAnswer(xmpp::IqRouter& router, util::Duration timeout, const util::Jid& bridge,
                  const std::string& conferenceName, const std::string& endpoint, const protocol::Iq& answer);

}  // namespace jicofo::bridge
