// config/: the properties file reader and the command line, the two inputs an operator (or a packaging
// script) writes. Both are pure functions plus the loader, which reads the one file named by --config.
#include "config/CommandLine.h"
#include "config/ConfigLoader.h"
#include "config/PropertiesFile.h"
#include "config/PropertySections.h"
#include "targets/Checks.h"

namespace jicofo::fuzz {
namespace {

// As java.util.Properties.store escapes: every character the reader treats specially gets a backslash.
void escapeProperty(std::string& out, const std::string& text) {
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\f':
                out += "\\f";
                break;
            case ' ':
            case '=':
            case ':':
            case '#':
            case '!':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
}

std::string writeProperties(const config::PropertyMap& map) {
    std::string out;
    for (const auto& [key, value] : map) {
        escapeProperty(out, key);
        out += '=';
        escapeProperty(out, value);
        out += '\n';
    }
    return out;
}

std::vector<std::string> toArguments(const config::CommandLine& cl) {
    std::vector<std::string> args;
    for (const auto& [name, value] : cl.flags) args.push_back("--" + name + "=" + value);
    for (const auto& [name, value] : cl.systemProperties) args.push_back("-D" + name + "=" + value);
    if (cl.help) args.push_back("--help");
    return args;
}

std::string checkLoaded(const config::FocusConfig& cfg) {
    if (cfg.helpRequested) return {};
    if (cfg.port < 1 || cfg.port > 65535) return "load: accepted port " + std::to_string(cfg.port);
    if (cfg.focusUserPort < 1 || cfg.focusUserPort > 65535)
        return "load: accepted focus user port " + std::to_string(cfg.focusUserPort);
    if (cfg.componentJid().empty())
        return "load: component JID '" + cfg.subdomain + "." + cfg.domain + "' is not one";
    if (cfg.focusJid().empty())
        return "load: focus JID '" + cfg.focusUserName + "@" + cfg.focusUserDomain + "' is not one";
    auto domain = util::Jid::parse(cfg.xmppDomain);
    if (!domain || !domain->node().empty() || !domain->resource().empty())
        return "load: XMPP domain '" + cfg.xmppDomain + "' is not a domain";
    return {};
}

}  // namespace

std::string checkProperties(const uint8_t* data, size_t size) {
    auto parsed = config::parseProperties(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parsed) return {};
    const std::string written = writeProperties(*parsed);
    auto again = config::parseProperties(written);
    if (!again)
        return "properties: the written file does not parse (line " + std::to_string(again.error().line) +
               ")";
    if (*again != *parsed) return "properties: parse(write(parse(x))) != parse(x)\n  written: " + written;
    // Every typed read of the file's values (numbers, ports, JIDs, the pubsub mapping...).
    config::FocusConfig cfg;
    cfg.properties.file = *parsed;
    config::PropertyReader reader(cfg.properties);
    config::readProperties(reader, cfg);
    config::noteUnknownProperties(cfg);
    return {};
}

std::string checkCommandLine(const uint8_t* data, size_t size) {
    std::vector<std::string> args(1);
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0)
            args.emplace_back();
        else
            args.back().push_back(static_cast<char>(data[i]));
    }
    auto cl = config::parseCommandLine(args);
    auto again = config::parseCommandLine(toArguments(cl));
    if (again.flags != cl.flags || again.systemProperties != cl.systemProperties || again.help != cl.help)
        return "command line: the flags written back as arguments read differently";
    // The loader reads the file --config names (the last one wins): never one the fuzzer names, which could
    // be /dev/zero or a FIFO.
    args.push_back("--config=/dev/null");
    auto loaded = config::load(args, config::Environment{});
    return loaded ? checkLoaded(*loaded) : std::string();
}

}  // namespace jicofo::fuzz
