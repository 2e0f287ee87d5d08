#include "log/LogFormat.h"

#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <boost/log/attributes/value_extraction.hpp>
#include <boost/log/utility/setup/common_attributes.hpp>
#include <boost/log/utility/setup/filter_parser.hpp>
#include <boost/log/utility/setup/formatter_parser.hpp>
#include <boost/make_shared.hpp>
#include <cstdio>
#include <istream>
#include <mutex>
#include <ostream>

#include "log/LogSetup.h"
#include "log/SyslogSinkFactory.h"

namespace jicofo::log {

std::ostream& operator<<(std::ostream& out, Severity s) {
    return out << toString(s);
}

std::istream& operator>>(std::istream& in, Severity& s) {
    std::string word;
    if (in >> word && !parseSeverity(word, s)) in.setstate(std::ios::failbit);
    return in;
}

namespace {

namespace bl = boost::log;

// %TimeStamp%: "YYYY-MM-DD HH:MM:SS.mmm" in local time, whatever arguments are given.
class TimeStampFormatterFactory : public bl::formatter_factory<char> {
  public:
    formatter_type create_formatter(const bl::attribute_name& name, const args_map&) override {
        return [name](const bl::record_view& rec, bl::formatting_ostream& out) {
            auto t = bl::extract<boost::posix_time::ptime>(name, rec);
            if (!t || t->is_special()) return;
            auto date = t->date();
            auto time = t->time_of_day();
            char buf[64];  // room for any int the compiler cannot rule out
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d",
                          static_cast<int>(date.year()), static_cast<int>(date.month()),
                          static_cast<int>(date.day()), static_cast<int>(time.hours()),
                          static_cast<int>(time.minutes()), static_cast<int>(time.seconds()),
                          static_cast<int>(time.fractional_seconds() * 1000 / time.ticks_per_second()));
            out << buf;
        };
    }
};

// %Room%: "[room=NAME] " on records made with JLOG_ROOM, nothing on the others, so the format needs no
// conditionals.
class RoomFormatterFactory : public bl::formatter_factory<char> {
  public:
    formatter_type create_formatter(const bl::attribute_name& name, const args_map&) override {
        return [name](const bl::record_view& rec, bl::formatting_ostream& out) {
            if (auto room = bl::extract<std::string>(name, rec)) out << "[room=" << *room << "] ";
        };
    }
};

}  // namespace

void registerLogExtensions() {
    static std::once_flag once;
    std::call_once(once, [] {
        bl::add_common_attributes();
        bl::register_simple_formatter_factory<Severity, char>("Severity");
        bl::register_simple_filter_factory<Severity, char>("Severity");
        bl::register_formatter_factory("TimeStamp", boost::make_shared<TimeStampFormatterFactory>());
        bl::register_formatter_factory("Room", boost::make_shared<RoomFormatterFactory>());
        registerSyslogSinkFactory();
    });
}

}  // namespace jicofo::log
