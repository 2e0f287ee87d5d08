#include "log/LogSetup.h"

#include <boost/log/core.hpp>
#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_ostream_backend.hpp>
#include <boost/log/utility/setup/from_settings.hpp>
#include <boost/log/utility/setup/settings_parser.hpp>
#include <boost/make_shared.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "log/LogFormat.h"
#include "log/RecentWarnings.h"

namespace jicofo::log {
namespace {

namespace bl = boost::log;

// The section the FILE property adds; an odd name so it cannot collide with an operator's own sinks.
constexpr const char* kFileSink = "Sinks.JicofoLogFileProperty";

bl::settings builtInDefaults() {
    // Mirrors resources/logging.properties: console (stderr), INFO.
    bl::settings s;
    s["Core"]["Filter"] = std::string("%Severity% >= INFO");
    s["Sinks.Console"]["Destination"] = std::string("Console");
    s["Sinks.Console"]["AutoFlush"] = std::string("true");
    return s;
}

std::optional<std::string> readSettingsFile(const std::string& path, bl::settings& out) {
    std::ifstream in(path);
    if (!in) return "cannot open logging settings " + path + ": " + std::strerror(errno);
    try {
        out = bl::parse_settings(in);
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

void addFileSink(bl::settings& s, const LogSettings& settings) {
    // Absolute now: a daemon changes its working directory to / before the first rotation.
    std::filesystem::path file = std::filesystem::absolute(*settings.file);
    std::filesystem::path dir = file.parent_path();
    // Through the property tree: the settings proxies extend their path on every operator[].
    auto put = [&s](const char* key, const std::string& value) {
        s.property_tree().put(std::string(kFileSink) + "." + key, value);
    };
    put("Destination", "TextFile");
    put("FileName", escapePattern(file.string()));
    // A full file is renamed FILE.N beside it (N keeps growing, also across restarts) and the oldest are
    // removed past MaxFiles; at exit the live file keeps its name and the next run appends to it.
    put("TargetFileName", escapePattern(file.filename().string()) + ".%N");
    put("Target", dir.string());
    put("MaxFiles", std::to_string(settings.fileMaxFiles));
    put("ScanForFiles", "Matching");
    put("RotationSize", std::to_string(settings.fileRotationSize));
    put("EnableFinalRotation", "false");
    put("Append", "true");
    put("AutoFlush", "true");
}

std::optional<std::string> applyOverrides(bl::settings& s, const LogSettings& settings) {
    if (settings.level) {
        Severity sev;
        if (!parseSeverity(*settings.level, sev))
            return "org.jitsi.jicofo.log.LEVEL: \"" + *settings.level + "\" is not a log level";
        s["Core"]["Filter"] = std::string("%Severity% >= ") + toString(sev);
    }
    if (settings.file) addFileSink(s, settings);
    if (auto sinks = s.property_tree().get_child_optional("Sinks")) {
        for (auto& sink : *sinks)
            if (!sink.second.get_child_optional("Format"))
                sink.second.put("Format", std::string(defaultFormat()));
    }
    return std::nullopt;
}

// An empty text stream sink: with every sink commented out the operator wants silence, not Boost's default
// sink (which prints every record to stderr whenever the core has no sink).
void addDiscardingSink() {
    using Sink = bl::sinks::synchronous_sink<bl::sinks::text_ostream_backend>;
    bl::core::get()->add_sink(boost::make_shared<Sink>());
}

void installDefaults() {
    auto core = bl::core::get();
    core->remove_all_sinks();
    bl::settings s = builtInDefaults();
    applyOverrides(s, LogSettings{});
    bl::init_from_settings(s);
    installRecentWarnings();
}

}  // namespace

const char* defaultFormat() {
    return "%TimeStamp% %Severity% [%ThreadID%] %Room%%Message%";
}

std::optional<std::string> setup(const LogSettings& settings) {
    registerLogExtensions();
    bl::settings s = builtInDefaults();
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
    auto core = bl::core::get();
    core->remove_all_sinks();
    try {
        bl::init_from_settings(s);
    } catch (const std::exception& e) {
        installDefaults();
        std::string where = settings.settingsFile ? " " + *settings.settingsFile : "";
        return "logging settings" + where + ": " + e.what();
    }
    auto sinks = s.property_tree().get_child_optional("Sinks");
    if (!sinks || sinks->empty()) addDiscardingSink();
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
