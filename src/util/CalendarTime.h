#pragma once
// Thread-safe calendar conversions, the same on POSIX and on Windows (mingw-w64 builds of the dist.win and
// dist.win64 archives), where gmtime_r, localtime_r, timegm and tm_gmtoff do not exist.
#include <ctime>

namespace jicofo::util {

inline std::tm utcCalendar(std::time_t t) {
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    return tm;
}

inline std::tm localCalendar(std::time_t t) {
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &t);
#else
    localtime_r(&t, &tm);
#endif
    return tm;
}

// The inverse of utcCalendar (timegm); tm is normalised as mktime would.
inline std::time_t fromUtcCalendar(std::tm& tm) {
#ifdef _WIN32
    return _mkgmtime(&tm);
#else
    return timegm(&tm);
#endif
}

// Seconds east of UTC of a local calendar time that localCalendar(t) returned.
inline long utcOffsetOf(const std::tm& local, std::time_t t) {
#ifdef _WIN32
    std::tm copy = local;
    return static_cast<long>(_mkgmtime(&copy) - t);
#else
    (void)t;
    return local.tm_gmtoff;
#endif
}

}  // namespace jicofo::util
