#include "http/reservation/ReservationTime.h"

#include <cstdio>
#include <ctime>
#include <regex>

#include "util/CalendarTime.h"

namespace jicofo::http::reservation {

std::string formatStartTime(WallTime t) {
    using namespace std::chrono;
    auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
    long long millis = ((ms % 1000) + 1000) % 1000;
    std::time_t secs = static_cast<std::time_t>((ms - millis) / 1000);
    std::tm local = util::localCalendar(secs);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03lld", local.tm_year + 1900,
                  local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec, millis);
    std::string out = buf;
    long offset = util::utcOffsetOf(local, secs);
    if (offset == 0) return out + "Z";
    char zone[24];
    std::snprintf(zone, sizeof zone, "%c%02ld", offset < 0 ? '-' : '+',
                  (offset < 0 ? -offset : offset) / 3600);
    return out + zone;
}

std::optional<WallTime> parseStartTime(const std::string& text) {
    static const std::regex kFormat(
        R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|([+-])(\d{2})(?::?(\d{2}))?))");
    std::smatch m;
    if (!std::regex_match(text, m, kFormat)) return std::nullopt;
    auto num = [&](int i) { return std::stoi(m[i].str()); };
    std::tm tm{};
    tm.tm_year = num(1) - 1900;
    tm.tm_mon = num(2) - 1;
    tm.tm_mday = num(3);
    tm.tm_hour = num(4);
    tm.tm_min = num(5);
    tm.tm_sec = num(6);
    if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
        tm.tm_sec > 60)
        return std::nullopt;
    long long millis = 0;
    if (m[7].matched) {
        std::string f = m[7].str();
        while (f.size() < 3) f.push_back('0');
        millis = std::stoll(f);
    }
    long offset = 0;
    if (m[8].str() != "Z") {
        int hours = num(10);
        int minutes = m[11].matched ? num(11) : 0;
        if (hours > 23 || minutes > 59) return std::nullopt;
        offset = (hours * 3600L + minutes * 60L) * (m[9].str() == "-" ? -1 : 1);
    }
    std::time_t utc = util::fromUtcCalendar(tm) - offset;
    return WallTime(std::chrono::seconds(utc)) + std::chrono::milliseconds(millis);
}

}  // namespace jicofo::http::reservation
