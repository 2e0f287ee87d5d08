#pragma once
// Client of the 2015 reservation REST API (docs/protocol.md §6.7), for new rooms only (§4.3 step 4). HTTP
// runs on worker threads; every decision and callback comes back on the focus loop. Loop-thread API.
//
//   auto made = ReservationClient::create(loop, settings,
//       [&](const util::Jid& room, const std::string& reason) { /* destroy the MUC room with reason */ });
//   if (!made) { /* fatal config error: made.error().message */ }
//   auto& reservations = *made.value();
//   reservations.start();                                   // worker threads + the 5 s duration guard
//   reservations.createConference(room, identity, [=](std::optional<protocol::StanzaError> refusal) {
//       if (refusal) reply(iq.errorReply(*refusal));        // <reservation-error error-code='100'|'3'/>
//       else createTheFocusConference();
//   });
//   reservations.onConferenceEnded(room);                   // DELETE {BASE}/conference/{id}
//   reservations.stop();                                    // before the loop goes away
//
// Refusals: reservationError(100, API `message` or no text) for API errors, I/O errors, timeouts, bad JSON
// and failed conflict look-ups; reservationError(3, no text) when the conference's mail_owner is not the
// requester's identity (an empty identity matches a conference without mail_owner).
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/reservation/ReservedConference.h"
#include "http/reservation/RestTransport.h"
#include "http/reservation/WorkerPool.h"
#include "protocol/stanza/StanzaError.h"
#include "util/Jid.h"
#include "util/Loop.h"
#include "util/Result.h"

namespace jicofo::http::reservation {

struct ReservationSettings {
    std::string baseUrl;                              // org.jitsi.impl.reservation.rest.BASE_URL (http://...)
    std::chrono::milliseconds requestTimeout{10000};  // per HTTP call, connect to last byte (new)
    util::Duration checkInterval{5000};               // the duration guard's period
    size_t workers = 2;                               // threads for HTTP calls
    std::function<WallTime()> wallClock;              // start_time arithmetic; empty ⇒ system_clock::now
};

struct ReservationConfigError {
    std::string message;
};

class ReservationClient {
  public:
    static constexpr int kApiError = 100;
    static constexpr int kOwnerMismatch = 3;
    static constexpr const char* kDurationExceeded = "Scheduled conference duration exceeded.";

    // refusal empty ⇒ the room may be created.
    using Decision = std::function<void(std::optional<protocol::StanzaError> refusal)>;
    using DestroyRoom = std::function<void(const util::Jid& room, const std::string& reason)>;

    // Refuses a base URL that is not http://host[:port][/path].
    static util::Result<std::unique_ptr<ReservationClient>, ReservationConfigError> create(
        util::Loop& loop, ReservationSettings settings, DestroyRoom destroyRoom);
    ~ReservationClient();
    ReservationClient(const ReservationClient&) = delete;
    ReservationClient& operator=(const ReservationClient&) = delete;

    void start();
    void stop();  // joins the workers; calls in flight are abandoned (their decisions never come)

    // POST (and on 409 GET) unless the room's conference is already known; done is called later on the loop,
    // never inside this call. Requests for a room already being asked about wait for that answer.
    void createConference(const util::Jid& room, const std::string& owner, Decision done);
    // The focus conference of room ended: DELETE its reservation (also with authentication on).
    void onConferenceEnded(const util::Jid& room);

    const ReservedConference* conference(const util::Jid& room) const;

  private:
    struct Waiter {
        std::string owner;
        Decision done;
    };
    struct Outcome {
        std::optional<ReservedConference> conference;
        std::string message;  // API message for a refusal (may be empty)
    };

    ReservationClient(util::Loop& loop, ReservationSettings settings, Poco::URI base,
                      DestroyRoom destroyRoom);
    static Outcome reserve(const RestTransport& api, const std::string& name, const std::string& owner,
                           WallTime now);
    void resolve(const util::Jid& room, Outcome outcome);
    void deleteReservation(const util::Jid& room, std::int64_t id, const char* why);
    void checkDurations();
    void scheduleCheck();
    WallTime wallNow() const {
        return settings_.wallClock ? settings_.wallClock() : std::chrono::system_clock::now();
    }

    util::Loop& loop_;
    ReservationSettings settings_;
    std::shared_ptr<const RestTransport> api_;
    DestroyRoom destroyRoom_;
    WorkerPool workers_;
    std::map<util::Jid, ReservedConference> known_;
    std::map<util::Jid, std::vector<Waiter>> pending_;
    util::TimerId timer_ = 0;
    std::shared_ptr<char> alive_ = std::make_shared<char>();  // posted results check it on the loop
};

}  // namespace jicofo::http::reservation
