#pragma once
// A 2015 Jitsi Meet participant with media, for integration tests: answers the focus's disco#info with the
// features of a real client (samples/lib-jitsi-meet-1.0.6/disco-info-result.xml), acknowledges every Jingle
// IQ as the client does, keeps them for the test, and sends session-accept / source-add like the browser.
#include <optional>
#include <vector>

#include "protocol/jingle/Jingle.h"
#include "support/MeetClient.h"

namespace jicofo::test {

class MediaClient : public MeetClient {
  public:
    // extraFeatures: disco features beyond the 2015 client's (e.g. http://jitsi.org/json-encoded-sources, a
    // 2021 client's); with any, the join presence carries no caps.
    explicit MediaClient(const ProsodyFixture& prosody, std::vector<std::string> extraFeatures = {});

    // The next Jingle IQ from the focus with this action (consumed); nullopt on timeout.
    std::optional<protocol::jingle::Jingle> waitJingle(protocol::jingle::JingleAction action,
                                                       util::Duration timeout = util::Duration(10000));
    // session-accept for the offer with one audio and one video SSRC (data: transport only), from the
    // occupant JID to the focus's full JID. Returns the focus's answer.
    xml::Element accept(const protocol::jingle::Jingle& offer, uint32_t audio, uint32_t video);
    xml::Element sourceAdd(const std::string& media, std::vector<uint32_t> ssrcs);
    // Any Jingle to the focus (e.g. session-terminate with restart); returns the focus's answer.
    xml::Element sendJingle(const protocol::jingle::Jingle& j);
    const util::Jid& focusJid() const { return focus_; }

  private:
    util::Jid focus_;  // who sent the session-initiate
    std::string sid_;
};

}  // namespace jicofo::test
