#pragma once
// The reservation API's time stamps (docs/protocol.md §6.7): Java's "yyyy-MM-dd'T'HH:mm:ss.SSSX" in the
// server's local time zone, e.g. 2015-11-05T16:52:26.000+01. 'X' writes whole hours of the offset ("+05" for
// +05:30, as Java does) and "Z" for UTC.
//
//   formatStartTime(now)                           // "2015-11-05T16:52:26.000+01" with TZ=Europe/Berlin
//   parseStartTime("2015-11-05T16:52:26.000+01")  // the same instant
#include <chrono>
#include <optional>
#include <string>

namespace jicofo::http::reservation {

using WallTime = std::chrono::system_clock::time_point;

std::string formatStartTime(WallTime t);
// Accepts the zone as Z, ±hh, ±hhmm or ±hh:mm and the fraction as 0-3 digits (or none); nothing for
// anything else.
std::optional<WallTime> parseStartTime(const std::string& text);

}  // namespace jicofo::http::reservation
