#include "log/LogSinks.h"

#include <boost/core/null_deleter.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_file_backend.hpp>
#include <boost/log/sinks/text_ostream_backend.hpp>
#include <boost/make_shared.hpp>
#include <cstdio>
#include <iostream>
#include <limits>
#include <stdexcept>

#include "log/LogFilter.h"
#include "log/LogFormat.h"
#include "log/LogSetup.h"
#include "log/SyslogSink.h"

namespace jicofo::log {
namespace {

namespace bl = boost::log;
namespace sinks = boost::log::sinks;
using Frontend = sinks::basic_formatting_sink_frontend<char>;

bool flag(const SettingsSection& params, const std::string& name, bool def) {
    auto v = param(params, name);
    return v ? parseBool(name, *v) : def;
}

unsigned long long count(const SettingsSection& params, const std::string& name, unsigned long long def) {
    auto v = param(params, name);
    return v ? parseCount(name, *v) : def;
}

boost::shared_ptr<Frontend> makeConsole(const SettingsSection& params) {
    auto backend = boost::make_shared<sinks::text_ostream_backend>();
    backend->add_stream(boost::shared_ptr<std::ostream>(&std::clog, boost::null_deleter()));
    backend->auto_flush(flag(params, "AutoFlush", false));
    return boost::make_shared<sinks::synchronous_sink<sinks::text_ostream_backend>>(backend);
}

// "HH:MM:SS" daily, "Weekday HH:MM:SS" weekly, "D HH:MM:SS" monthly.
sinks::file::rotation_at_time_point parseTimePoint(const std::string& text) {
    static const char* days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    char word[16] = {0};
    unsigned h = 0, m = 0, s = 0, day = 0;
    int used = 0;
    auto valid = [&] { return h < 24 && m < 60 && s < 60; };
    auto bad = [&text] {
        return std::invalid_argument("RotationTimePoint \"" + text + "\" is not a time point");
    };
    if (std::sscanf(text.c_str(), "%2u:%2u:%2u%n", &h, &m, &s, &used) == 3 && used == int(text.size())) {
        if (!valid()) throw bad();
        return sinks::file::rotation_at_time_point(h, m, s);
    }
    if (std::sscanf(text.c_str(), "%2u %2u:%2u:%2u%n", &day, &h, &m, &s, &used) == 4 &&
        used == int(text.size())) {
        if (!valid() || day < 1 || day > 31) throw bad();
        return sinks::file::rotation_at_time_point(boost::gregorian::greg_day(day), h, m, s);
    }
    if (std::sscanf(text.c_str(), "%15s %2u:%2u:%2u%n", word, &h, &m, &s, &used) == 4 &&
        used == int(text.size()) && valid()) {
        std::string w(word);
        for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (int d = 0; d < 7; ++d)
            if (w.size() >= 3 && w.compare(0, 3, days[d]) == 0)
                return sinks::file::rotation_at_time_point(boost::date_time::weekdays(d), h, m, s);
    }
    throw bad();
}

boost::shared_ptr<Frontend> makeTextFile(const SettingsSection& params) {
    auto backend = boost::make_shared<sinks::text_file_backend>();
    if (auto name = param(params, "FileName")) backend->set_file_name_pattern(*name);
    if (auto target = param(params, "TargetFileName")) backend->set_target_file_name_pattern(*target);
    backend->set_open_mode(flag(params, "Append", false) ? std::ios::out | std::ios::app
                                                         : std::ios::out | std::ios::trunc);
    if (auto size = param(params, "RotationSize"))
        backend->set_rotation_size(parseCount("RotationSize", *size));
    if (auto every = param(params, "RotationInterval"))
        backend->set_time_based_rotation(sinks::file::rotation_at_time_interval(
            boost::posix_time::seconds(static_cast<long>(parseCount("RotationInterval", *every)))));
    else if (auto at = param(params, "RotationTimePoint"))
        backend->set_time_based_rotation(parseTimePoint(*at));
    backend->enable_final_rotation(flag(params, "EnableFinalRotation", true));
    backend->auto_flush(flag(params, "AutoFlush", false));
    if (auto target = param(params, "Target")) {
        constexpr auto unlimited = std::numeric_limits<std::uintmax_t>::max();
        backend->set_file_collector(sinks::file::make_collector(
            bl::keywords::target = *target, bl::keywords::max_size = count(params, "MaxSize", unlimited),
            bl::keywords::min_free_space = count(params, "MinFreeSpace", 0),
            bl::keywords::max_files = count(params, "MaxFiles", unlimited)));
        if (auto scan = param(params, "ScanForFiles")) {
            if (*scan != "All" && *scan != "Matching")
                throw std::invalid_argument("ScanForFiles \"" + *scan + "\" is not All or Matching");
            backend->scan_for_files(*scan == "All" ? sinks::file::scan_all : sinks::file::scan_matching);
        }
    }
    return boost::make_shared<sinks::synchronous_sink<sinks::text_file_backend>>(backend);
}

}  // namespace

boost::shared_ptr<sinks::sink> makeSink(const std::string& name, const SettingsSection& params) {
    try {
        auto destination = param(params, "Destination");
        if (!destination) throw std::invalid_argument("no Destination");
        boost::shared_ptr<Frontend> sink;
        if (*destination == "Console")
            sink = makeConsole(params);
        else if (*destination == "TextFile")
            sink = makeTextFile(params);
        else if (*destination == "Syslog")
            sink = makeSyslogSink(params);
        else
            throw std::invalid_argument("unknown Destination \"" + *destination +
                                        "\" (Console, TextFile or Syslog)");
        if (auto filter = param(params, "Filter")) sink->set_filter(parseFilter(*filter));
        sink->set_formatter(parseFormat(param(params, "Format").value_or(defaultFormat())));
        return sink;
    } catch (const std::exception& e) {
        // Also what Boost throws (a file that cannot be opened, an address that does not resolve).
        throw std::invalid_argument("[" + name + "]: " + e.what());
    }
}

}  // namespace jicofo::log
