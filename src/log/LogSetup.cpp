#include "log/LogSetup.h"

#include <boost/log/core.hpp>
#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_ostream_backend.hpp>
#include <boost/make_shared.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <ostream>
#include <vector>

#include "log/LogFilter.h"
#include "log/LogFormat.h"
#include "log/LogSinks.h"
#include "log/RecentWarnings.h"
#include "log/SettingsFile.h"

namespace jicofo::log {
namespace {

namespace bl = boost::log;

// The section the FILE property adds; an odd name so it cannot collide with an operator's own sinks.
constexpr const char* kFileSink = "Sinks.JicofoLogFileProperty";

LogSettingsFile builtInDefaults() {
    // Mirrors resources/logging.properties: console (stderr), INFO.
    LogSettingsFile s;
    s.sections["Core"]["Filter"] = "%Severity% >= INFO";
    s.sections["Sinks.Console"] = {{"Destination", "Console"}, {"AutoFlush", "true"}};
    return s;
}

std::optional<std::string> readSettingsFile(const std::string& path, LogSettingsFile& out) {
    std::ifstream in(path);
    if (!in) return "cannot open logging settings " + path + ": " + std::strerror(errno);
    try {
        out = parseSettingsFile(in);
    } catch (const std::exception& e) {
        return "logging settings " + path + ": " + e.what();
    }
    return std::nullopt;
}

// '%' starts a placeholder in Boost file name patterns.
std::string escapePattern(const std::string& text) {
    std::string out;
    for (char c : text) {
        out.push_back(c);
        if (c == '%') out.push_back('%');
    }
    return out;
}

void addFileSink(LogSettingsFile& s, const LogSettings& settings) {
    // Absolute now: a daemon changes its working directory to / before the first rotation.
    std::filesystem::path file = std::filesystem::absolute(*settings.file);
    // A full file is renamed FILE.N beside it (N keeps growing, also across restarts) and the oldest are
    // removed past MaxFiles; at exit the live file keeps its name and the next run appends to it.
    s.sections[kFileSink] = {{"Destination", "TextFile"},
                             {"FileName", escapePattern(file.string())},
                             {"TargetFileName", escapePattern(file.filename().string()) + ".%N"},
                             {"Target", file.parent_path().string()},
                             {"MaxFiles", std::to_string(settings.fileMaxFiles)},
                             {"ScanForFiles", "Matching"},
                             {"RotationSize", std::to_string(settings.fileRotationSize)},
                             {"EnableFinalRotation", "false"},
                             {"Append", "true"},
                             {"AutoFlush", "true"}};
}

std::optional<std::string> applyOverrides(LogSettingsFile& s, const LogSettings& settings) {
    if (settings.level) {
        Severity sev;
        if (!parseSeverity(*settings.level, sev))
            return "org.jitsi.jicofo.log.LEVEL: \"" + *settings.level + "\" is not a log level";
        s.sections["Core"]["Filter"] = std::string("%Severity% >= ") + toString(sev);
    }
    if (settings.file) addFileSink(s, settings);
    return std::nullopt;
}

// Builds everything first and installs only when all of it is valid. Throws std::invalid_argument.
void install(const LogSettingsFile& s) {
    auto filter = parseFilter(s.get("Core", "Filter").value_or(""));
    bool disabled = parseBool("DisableLogging", s.get("Core", "DisableLogging").value_or("false"));
    std::vector<boost::shared_ptr<bl::sinks::sink>> sinks;
    for (const auto& [name, params] : s.sections)
        if (name.rfind("Sinks.", 0) == 0) sinks.push_back(makeSink(name, params));
    // An empty text stream sink when there is none: with every sink commented out the operator wants silence,
    // not Boost's default sink (which prints every record to stderr whenever the core has no sink).
    if (sinks.empty())
        sinks.push_back(boost::make_shared<bl::sinks::synchronous_sink<bl::sinks::text_ostream_backend>>());
    auto core = bl::core::get();
    core->remove_all_sinks();
    core->set_filter(filter);
    core->set_logging_enabled(!disabled);
    for (auto& sink : sinks) core->add_sink(sink);
}

void installDefaults() {
    install(builtInDefaults());
    installRecentWarnings();
}

}  // namespace

std::ostream& operator<<(std::ostream& out, Severity s) {
    return out << toString(s);
}

std::istream& operator>>(std::istream& in, Severity& s) {
    std::string word;
    if (in >> word && !parseSeverity(word, s)) in.setstate(std::ios::failbit);
    return in;
}

const char* defaultFormat() {
    return "%TimeStamp% %Severity% [%ThreadID%] %Room%%Message%";
}

std::optional<std::string> setup(const LogSettings& settings) {
    addCommonAttributes();
    // The global logger is built here, before any thread of the program exists, rather than lazily by the
    // first thread to log: its once-guard is inside libboost_log, where ThreadSanitizer cannot see it.
    (void)logger();
    LogSettingsFile s = builtInDefaults();
    if (settings.settingsFile) {
        if (auto err = readSettingsFile(*settings.settingsFile, s)) {
            installDefaults();
            return err;
        }
    }
    if (auto err = applyOverrides(s, settings)) {
        installDefaults();
        return err;
    }
    try {
        install(s);
    } catch (const std::exception& e) {
        installDefaults();
        std::string where = settings.settingsFile ? " " + *settings.settingsFile : "";
        return "logging settings" + where + ": " + e.what();
    }
    installRecentWarnings();  // the operator page's "last warnings", whatever the settings say
    return std::nullopt;
}

void flush() {
    bl::core::get()->flush();
}

void shutdown() {
    auto core = bl::core::get();
    core->flush();
    core->remove_all_sinks();
    core->reset_filter();
    core->set_logging_enabled(true);
}

}  // namespace jicofo::log
