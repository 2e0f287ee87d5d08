#include "log/Log.h"

#include <algorithm>
#include <boost/log/sources/global_logger_storage.hpp>
#include <cctype>

namespace jicofo::log {

BOOST_LOG_INLINE_GLOBAL_LOGGER_DEFAULT(GlobalLogger, Logger)

Logger& logger() {
    return GlobalLogger::get();
}

const char* toString(Severity s) {
    switch (s) {
        case Severity::trace:
            return "TRACE";
        case Severity::debug:
            return "DEBUG";
        case Severity::info:
            return "INFO";
        case Severity::warning:
            return "WARNING";
        case Severity::error:
            return "ERROR";
        case Severity::fatal:
            return "FATAL";
    }
    return "?";
}

bool parseSeverity(const std::string& text, Severity& out) {
    std::string t(text);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::toupper(c); });
    if (t == "TRACE" || t == "FINEST" || t == "FINER" || t == "ALL")
        out = Severity::trace;
    else if (t == "DEBUG" || t == "FINE" || t == "CONFIG")
        out = Severity::debug;
    else if (t == "INFO")
        out = Severity::info;
    else if (t == "WARNING" || t == "WARN")
        out = Severity::warning;
    else if (t == "ERROR" || t == "SEVERE")
        out = Severity::error;
    else if (t == "FATAL" || t == "OFF")
        out = Severity::fatal;
    else
        return false;
    return true;
}

}  // namespace jicofo::log
