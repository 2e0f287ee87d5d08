#pragma once
// A Jitsi Meet participant of 2015 for integration tests, on a real XMPP client: asks the focus for a
// conference, joins the MUC with the client's presence, watches occupants' presences.
#include <memory>
#include <optional>
#include <string>

#include "protocol/focus/ConferenceIq.h"
#include "protocol/muc/MucPresence.h"
#include "support/TestClient.h"

namespace jicofo::test {

class MeetClient {
  public:
    explicit MeetClient(const ProsodyFixture& prosody)
        : prosody_(prosody), client_(TestClient::anonymous(prosody)) {}
    // Over a client already logged in (e.g. TestClient::user for a secure domain's account).
    MeetClient(const ProsodyFixture& prosody, std::unique_ptr<TestClient> client)
        : prosody_(prosody), client_(std::move(client)) {}

    TestClient& xmpp() { return *client_; }
    const util::Jid& jid() const { return client_->jid(); }

    // The conference IQ to focus.DOMAIN (docs/protocol.md §4.1); returns the reply stanza.
    xml::Element requestConference(const std::string& room,
                                   std::vector<std::pair<std::string, std::string>> props = {{"openSctp",
                                                                                              "true"}},
                                   util::Duration timeout = util::Duration(10000));
    // From the next join on, the presence carries <jitsi_participant_region> (docs/media.md §1.5).
    void setRegion(std::string region) { region_ = std::move(region); }
    // Sends the join presence as room/nick and waits for the self-presence; returns it.
    std::optional<protocol::MucPresence> join(const std::string& room, const std::string& nick,
                                              util::Duration timeout = util::Duration(5000));
    void leave();
    // Whether the join presence carries the 2015 client's caps (default); a client with other disco features
    // joins without, so the focus asks its disco#info instead of trusting a cached hash.
    void sendCaps(bool send) { sendCaps_ = send; }
    // The next presence from room/nick matching pred (unavailable ones included).
    std::optional<protocol::MucPresence> waitPresence(const std::string& occupant,
                                                      std::function<bool(const protocol::MucPresence&)> pred,
                                                      util::Duration timeout = util::Duration(5000));
    std::string roomJid() const { return room_; }
    std::string occupantJid() const { return room_ + "/" + nick_; }

  private:
    const ProsodyFixture& prosody_;
    std::unique_ptr<TestClient> client_;
    std::string room_, nick_, region_;
    bool sendCaps_ = true;
};

}  // namespace jicofo::test
