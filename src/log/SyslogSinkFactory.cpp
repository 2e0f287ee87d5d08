#include "log/SyslogSinkFactory.h"

#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/syslog_backend.hpp>
#include <boost/log/utility/setup/filter_parser.hpp>
#include <boost/log/utility/setup/formatter_parser.hpp>
#include <boost/log/utility/setup/from_settings.hpp>
#include <boost/make_shared.hpp>
#include <map>
#include <stdexcept>

#include "log/Log.h"
#include "log/LogSetup.h"

namespace jicofo::log {
namespace {

namespace bl = boost::log;
namespace syslog = boost::log::sinks::syslog;

syslog::facility parseFacility(const std::string& name) {
    static const std::map<std::string, syslog::facility> names = {
        {"kernel", syslog::kernel}, {"user", syslog::user},      {"mail", syslog::mail},
        {"daemon", syslog::daemon}, {"auth", syslog::security0}, {"syslog", syslog::syslogd},
        {"local0", syslog::local0}, {"local1", syslog::local1},  {"local2", syslog::local2},
        {"local3", syslog::local3}, {"local4", syslog::local4},  {"local5", syslog::local5},
        {"local6", syslog::local6}, {"local7", syslog::local7}};
    auto it = names.find(name);
    if (it == names.end()) throw std::invalid_argument("Syslog Facility \"" + name + "\" is not known");
    return it->second;
}

unsigned short parsePort(const std::string& text) {
    size_t used = 0;
    unsigned long v = 0;
    try {
        v = std::stoul(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || v == 0 || v > 65535)
        throw std::invalid_argument("Syslog TargetPort \"" + text + "\" is not a port number");
    return static_cast<unsigned short>(v);
}

class SyslogSinkFactory : public bl::sink_factory<char> {
  public:
    boost::shared_ptr<bl::sinks::sink> create_sink(const settings_section& params) override {
        using Backend = bl::sinks::syslog_backend;
        auto backend = boost::make_shared<Backend>(
            bl::keywords::use_impl = syslog::udp_socket_based,
            bl::keywords::facility = parseFacility(params["Facility"].or_default(std::string("local0"))));
        syslog::custom_severity_mapping<Severity> levels("Severity");
        levels[Severity::trace] = syslog::debug;
        levels[Severity::debug] = syslog::debug;
        levels[Severity::info] = syslog::info;
        levels[Severity::warning] = syslog::warning;
        levels[Severity::error] = syslog::error;
        levels[Severity::fatal] = syslog::critical;
        backend->set_severity_mapper(levels);
        if (auto local = params["LocalAddress"].get()) backend->set_local_address(*local);
        backend->set_target_address(params["TargetAddress"].or_default(std::string("localhost")),
                                    parsePort(params["TargetPort"].or_default(std::string("514"))));

        auto sink = boost::make_shared<bl::sinks::synchronous_sink<Backend>>(backend);
        if (auto filter = params["Filter"].get()) sink->set_filter(bl::parse_filter(*filter));
        if (auto format = params["Format"].get()) sink->set_formatter(bl::parse_formatter(*format));
        return sink;
    }
};

}  // namespace

void registerSyslogSinkFactory() {
    bl::register_sink_factory("Syslog", boost::make_shared<SyslogSinkFactory>());
}

}  // namespace jicofo::log
