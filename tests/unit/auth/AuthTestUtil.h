#pragma once
// Shared bits of the auth unit tests: JIDs, a conference IQ builder and a recording listener.
#include <string>
#include <vector>

#include "auth/AuthListener.h"
#include "protocol/focus/ConferenceIq.h"
#include "util/Jid.h"

namespace jicofo::test {

inline util::Jid jid(const std::string& s) {
    return *util::Jid::parse(s);
}

inline protocol::ConferenceIq conferenceIq(const std::string& room, std::optional<std::string> sessionId,
                                           std::optional<std::string> machineUid) {
    protocol::ConferenceIq iq;
    iq.room = room;
    iq.sessionId = std::move(sessionId);
    iq.machineUid = std::move(machineUid);
    return iq;
}

struct RecordingAuthListener : auth::AuthListener {
    struct Bound {
        std::string sessionId, identity;
        util::Jid jid, room;
    };
    std::vector<Bound> bound;
    std::vector<std::string> destroyed;
    void onSessionBound(const auth::AuthSession& s, const util::Jid& fullJid,
                        const util::Jid& room) override {
        bound.push_back({s.id, s.identity, fullJid, room});
    }
    void onSessionDestroyed(const auth::AuthSession& s) override { destroyed.push_back(s.id); }
};

}  // namespace jicofo::test
