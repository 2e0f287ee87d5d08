#pragma once
// A Jitsi Meet client of 2015 as far as the focus can tell: it sends the conference IQ, joins the MUC with
// the Jitsi presence, answers disco#info with the features of lib-jitsi-meet 1.0.6, acknowledges the
// session-initiate and answers it with a session-accept carrying its own audio and video SSRC and an
// active DTLS transport, and acknowledges the source-adds that follow. Everything the focus sends is
// handled on the client's reader thread as it arrives; the arrival times are kept for the figures, which
// MediaBench computes once a conference has settled.
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bench/Samples.h"
#include "protocol/jingle/Jingle.h"
#include "support/TestClient.h"
#include "util/Jid.h"

namespace jicofo::bench {

class MediaParticipant {
  public:
    // A source-add as it arrived: which participant's SSRCs it carried, and when.
    struct SourceAdd {
        const MediaParticipant* owner;
        Clock::time_point at;
    };

    // audioSsrc/videoSsrc: this participant's own, unique in the run. owners: every participant of the run
    // by SSRC (read-only while the run goes), to tell whose sources a source-add carries.
    MediaParticipant(std::unique_ptr<test::TestClient> client, uint32_t audioSsrc, uint32_t videoSsrc,
                     const std::map<uint32_t, const MediaParticipant*>& owners);
    ~MediaParticipant();
    MediaParticipant(const MediaParticipant&) = delete;
    // Whether the join presence carries XEP-0115 caps (default: yes, as lib-jitsi-meet).
    void sendCaps(bool send) { sendCaps_ = send; }
    MediaParticipant& operator=(const MediaParticipant&) = delete;

    // The conference IQ (synchronous); an empty string when the answer was a result with ready='true',
    // else what went wrong.
    std::string requestConference(const util::Jid& focus, const std::string& room);
    // Sends the join presence to ROOM/nick and notes the time.
    void join(const std::string& room, const std::string& nick);
    bool waitJoined(util::Duration timeout);
    // Waits until this participant's session-accept was acknowledged (its session is up).
    bool waitActive(util::Duration timeout);
    // Waits until the offer or later source-adds have told this participant every SSRC of `peers`.
    bool waitKnows(const std::vector<const MediaParticipant*>& peers, util::Duration timeout);
    void leave();

    uint32_t audioSsrc() const { return audio_; }
    uint32_t videoSsrc() const { return video_; }
    test::TestClient& client() { return *client_; }
    const std::string& nick() const { return nick_; }

    // Read after the conference settled (waitKnows on every participant).
    Clock::time_point joinSent() const;
    std::optional<Clock::time_point> discoAt() const;  // the focus's disco#info arrived
    std::optional<Clock::time_point> initiateAt() const;
    std::optional<Clock::time_point> acceptSent() const;
    std::optional<Clock::time_point> acceptAcked() const;
    std::vector<SourceAdd> sourceAdds() const;
    // Size of the session-initiate as received: elements (Prosody builds each) and bytes.
    std::pair<int, std::size_t> offerSize() const;
    // SSRCs a source-add announced that this participant knew already (from its offer or an earlier one).
    int duplicates() const;
    std::vector<std::string> problems() const;  // error answers and the like, for the report
    // Re-offers: a session-initiate after the focus terminated the session (its bridge went away). Each
    // is accepted again with the same SSRCs, as a client would after a session-terminate.
    int reoffers() const;
    std::optional<Clock::time_point> lastReoffer() const;
    bool waitReoffers(int count, util::Duration timeout);
    std::string describe() const;  // state, for a failure message

  private:
    bool onStanza(const xml::Element& stanza);
    void onJingle(const xml::Element& iq);
    void sendAccept(const xml::Element& offerIq, const protocol::jingle::Jingle& offer);
    void ack(const xml::Element& iq);
    void problem(std::string what);

    std::unique_ptr<test::TestClient> client_;
    const uint32_t audio_, video_;
    const std::map<uint32_t, const MediaParticipant*>& owners_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::string room_, nick_;
    Clock::time_point joinSent_{};
    bool joined_ = false;
    bool sendCaps_ = true;
    std::optional<Clock::time_point> discoAt_, initiateAt_, acceptSent_, acceptAcked_;
    std::string acceptId_;
    std::map<uint32_t, const char*> known_;  // SSRCs the focus told us about, and how ("offer"/"source-add")
    std::vector<SourceAdd> sourceAdds_;
    bool terminated_ = false;
    std::vector<Clock::time_point> reoffers_;
    int duplicates_ = 0;
    std::pair<int, std::size_t> offerSize_{0, 0};
    std::vector<std::string> problems_;
};

}  // namespace jicofo::bench
