#include "log/SyslogSink.h"

#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/syslog_backend.hpp>
#include <boost/make_shared.hpp>
#include <map>
#include <stdexcept>

#include "log/Log.h"

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
    unsigned long long v = 0;
    try {
        v = parseCount("Syslog TargetPort", text);
    } catch (const std::invalid_argument&) {
    }
    if (v == 0 || v > 65535)
        throw std::invalid_argument("Syslog TargetPort \"" + text + "\" is not a port number");
    return static_cast<unsigned short>(v);
}

}  // namespace

boost::shared_ptr<bl::sinks::basic_formatting_sink_frontend<char>> makeSyslogSink(
    const SettingsSection& params) {
    using Backend = bl::sinks::syslog_backend;
    auto backend = boost::make_shared<Backend>(
        bl::keywords::use_impl = syslog::udp_socket_based,
        bl::keywords::facility = parseFacility(param(params, "Facility").value_or("local0")));
    syslog::custom_severity_mapping<Severity> levels("Severity");
    levels[Severity::trace] = syslog::debug;
    levels[Severity::debug] = syslog::debug;
    levels[Severity::info] = syslog::info;
    levels[Severity::warning] = syslog::warning;
    levels[Severity::error] = syslog::error;
    levels[Severity::fatal] = syslog::critical;
    backend->set_severity_mapper(levels);
    if (auto local = param(params, "LocalAddress")) backend->set_local_address(*local);
    backend->set_target_address(param(params, "TargetAddress").value_or("localhost"),
                                parsePort(param(params, "TargetPort").value_or("514")));
    return boost::make_shared<bl::sinks::synchronous_sink<Backend>>(backend);
}

}  // namespace jicofo::log
