#pragma once
// A conference as the reservation API knows it, and the JSON shapes it sends (docs/protocol.md §6.7):
//   200/201: {"id":1,"name":"room","mail_owner":"a@b","start_time":"…","duration":900,"url":"…","pin":"…",
//             "sip_id":7}
//   409:     {"conflict_id": 1}
//   other:   {"error": "…", "message": "…"}
//
//   auto c = ReservedConference::fromJson(body);   // c->id, c->durationSeconds ...
//   std::string form = ReservedConference::createForm("room", "a@b", now);  // POST body
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/reservation/ReservationTime.h"
#include "util/Result.h"

namespace jicofo::http::reservation {

struct JsonError {
    std::string message;
};

struct ReservedConference {
    std::optional<std::int64_t> id;
    std::optional<std::string> name;
    std::optional<std::string> mailOwner;
    std::optional<WallTime> startTime;
    std::int64_t durationSeconds = -1;  // absent ⇒ -1 ⇒ over at the next duration check (as in 2015)
    std::optional<std::string> url;
    std::optional<std::string> pin;
    std::optional<std::int64_t> sipId;

    // A JSON object with the keys above; anything not an object, a bad start_time or a key of the wrong type
    // is an error. Unknown keys are ignored.
    static util::Result<ReservedConference, JsonError> fromJson(const std::string& body);

    // The fields POSTed to {BASE}/conference, in order: name, mail_owner (omitted if empty), start_time,
    // duration=-1.
    static std::vector<std::pair<std::string, std::string>> createFields(const std::string& name,
                                                                         const std::string& owner,
                                                                         WallTime now);
    // Those fields, application/x-www-form-urlencoded.
    static std::string createForm(const std::string& name, const std::string& owner, WallTime now);
};

// {"error","message"} of a failed call; both empty when the body is not such JSON.
struct ApiError {
    std::string error;
    std::string message;
    static ApiError fromJson(const std::string& body);
};

// conflict_id of a 409 answer, or nothing.
std::optional<std::int64_t> conflictIdFromJson(const std::string& body);

}  // namespace jicofo::http::reservation
