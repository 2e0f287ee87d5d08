#pragma once
// Logging through Boost.Log. Every line carries severity, time and thread; lines about a conference carry the
// room (JLOG_ROOM) so an operator can grep one conference out of a busy log.
#include <boost/log/attributes/value_extraction.hpp>
#include <boost/log/sources/record_ostream.hpp>
#include <boost/log/sources/severity_logger.hpp>
#include <boost/log/utility/manipulators/add_value.hpp>
#include <string>

namespace jicofo::log {

enum class Severity { trace, debug, info, warning, error, fatal };

const char* toString(Severity s);
bool parseSeverity(const std::string& text,
                   Severity& out);  // accepts java.util.logging names too (FINE, SEVERE...)

using Logger = boost::log::sources::severity_logger_mt<Severity>;
Logger& logger();

}  // namespace jicofo::log

#define JLOG(sev) BOOST_LOG_SEV(::jicofo::log::logger(), ::jicofo::log::Severity::sev)
#define JLOG_ROOM(sev, room) JLOG(sev) << ::boost::log::add_value("Room", std::string(room))
