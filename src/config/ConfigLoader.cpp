#include "config/ConfigLoader.h"

#include <Poco/Path.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "config/CommandLine.h"
#include "config/PropertiesFile.h"
#include "config/PropertyNames.h"
#include "config/PropertySections.h"

namespace jicofo::config {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> nonEmpty(const std::map<std::string, std::string>& m, const std::string& key) {
    auto it = m.find(key);
    if (it == m.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

// The 2015 Main's handling of the flags (docs/protocol.md §1) plus the environment fallbacks for the secrets.
std::optional<ConfigError> applyFlags(const CommandLine& cl, const Environment& env, FocusConfig& cfg) {
    const auto& f = cl.flags;
    cfg.secret = nonEmpty(f, "secret").value_or(nonEmpty(env, "JICOFO_SECRET").value_or(""));
    auto password = nonEmpty(f, "user_password");
    if (!password) password = nonEmpty(env, "JICOFO_AUTH_PASSWORD");
    auto userDomain = nonEmpty(f, "user_domain");

    std::vector<std::string> missing;
    if (cfg.secret.empty()) missing.push_back("secret");
    if (!userDomain) missing.push_back("user_domain");
    // A missing secret alone is judged once the properties are read: a client_proxy needs none.
    if (!missing.empty() && !(missing.size() == 1 && missing[0] == "secret")) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        return ConfigError{"--" + missing.front(),
                           "Some of required arguments were not specified: [" + list + "]"};
    }
    if (auto port = nonEmpty(f, "port")) {
        auto v = parseLong(*port);
        if (!v) return ConfigError{"--port", "--port: " + quoteValue(*port) + " is not an integer"};
        if (*v < 1 || *v > 65535)
            return ConfigError{"--port", "--port: " + *port + " is not a port number (1..65535)"};
        cfg.port = static_cast<int>(*v);
    }
    cfg.host = nonEmpty(f, "host").value_or(nonEmpty(f, "domain").value_or("localhost"));
    cfg.domain = nonEmpty(f, "domain").value_or(cfg.host);
    cfg.subdomain = nonEmpty(f, "subdomain").value_or("focus");
    auto domainJid = util::Jid::parse(cfg.domain);
    if (!domainJid || !domainJid->node().empty() || !domainJid->resource().empty())
        return ConfigError{"--domain", "--domain: " + quoteValue(cfg.domain) + " is not a valid XMPP domain"};
    if (!util::Jid::parse(cfg.subdomain + "." + cfg.domain) ||
        cfg.subdomain.find_first_of("@/") != std::string::npos)
        return ConfigError{"--subdomain", "--subdomain: " + quoteValue(cfg.subdomain + "." + cfg.domain) +
                                              " is not a valid component JID"};
    if (auto daemon = nonEmpty(f, "daemon")) {
        auto v = parseBool(*daemon);
        if (!v)
            return ConfigError{"--daemon",
                               "--daemon: " + quoteValue(*daemon) + " is not a boolean (true or false)"};
        cfg.daemon = *v;
    }
    cfg.pidFile = nonEmpty(f, "pidfile");

    // Main's System.setProperty calls: they replace any -D of the same name.
    auto& sys = cfg.properties.system;
    sys = cl.systemProperties;
    sys[prop::kHostname] = cfg.host;
    sys[prop::kXmppDomain] = cfg.domain;
    sys[prop::kFocusUserDomain] = *userDomain;
    sys[prop::kFocusUserName] = nonEmpty(f, "user_name").value_or("focus");
    if (password) sys[prop::kFocusUserPassword] = *password;
    return std::nullopt;
}

// The whole file, or the system's reason (stdio: a read error is reported, not mistaken for the end).
std::optional<std::string> readAll(const std::string& path, std::string& out) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::string(std::strerror(errno));
    char buf[8192];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    int err = std::ferror(f) ? (errno ? errno : EIO) : 0;
    std::fclose(f);
    if (err) return std::string(std::strerror(err));
    return std::nullopt;
}

std::optional<ConfigError> readFile(const std::string& path, bool explicitlyNamed, FocusConfig& cfg) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) {
        if (explicitlyNamed) return ConfigError{"--config", "--config: " + path + " does not exist"};
        cfg.notes.push_back(
            {ConfigNote::Level::info, "No " + path + ", using defaults and the command line"});
        return std::nullopt;
    }
    if (status.type() == fs::file_type::directory) return ConfigError{path, path + ": is a directory"};
    std::string text;
    if (auto err = readAll(path, text)) return ConfigError{path, path + ": cannot read: " + *err};
    auto parsed = parseProperties(text);
    if (!parsed) {
        const auto& e = parsed.error();
        return ConfigError{path, path + ":" + std::to_string(e.line) + ": " + e.message};
    }
    cfg.properties.file = std::move(parsed.value());
    cfg.notes.push_back({ConfigNote::Level::info, "Read " + path});
    return std::nullopt;
}

}  // namespace

Environment environmentFrom(const char* const* envp) {
    Environment env;
    for (; envp && *envp; ++envp) {
        std::string entry(*envp);
        size_t eq = entry.find('=');
        if (eq != std::string::npos && eq > 0) env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
    return env;
}

std::string defaultPropertiesPath(const std::map<std::string, std::string>& sys, const Environment& env) {
    auto location = nonEmpty(sys, prop::kHomeDirLocation);
    if (!location) location = nonEmpty(sys, prop::kUserHome);  // Java's user.home, settable with -D
    if (!location) location = nonEmpty(env, "HOME");
    if (!location) location = nonEmpty(env, "USERPROFILE");
    if (!location) location = Poco::Path::home();
    std::string name = nonEmpty(sys, prop::kHomeDirName).value_or(".sip-communicator");
    return (fs::path(*location) / name / "sip-communicator.properties").string();
}

bool isLogLevelName(const std::string& text) {
    std::string t(text);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::toupper(c); });
    for (const char* name : {"TRACE", "FINEST", "FINER", "ALL", "DEBUG", "FINE", "CONFIG", "INFO", "WARNING",
                             "WARN", "ERROR", "SEVERE", "FATAL", "OFF"})
        if (t == name) return true;
    return false;
}

LoadResult load(const std::vector<std::string>& args, const Environment& env) {
    CommandLine cl = parseCommandLine(args);
    FocusConfig cfg;
    for (const auto& w : cl.warnings) cfg.notes.push_back({ConfigNote::Level::warning, w});
    if (cl.help) {
        cfg.helpRequested = true;
        return cfg;
    }
    if (auto err = applyFlags(cl, env, cfg)) return *err;

    auto configFlag = nonEmpty(cl.flags, "config");
    cfg.configFile = configFlag ? *configFlag : defaultPropertiesPath(cfg.properties.system, env);
    if (auto err = readFile(*cfg.configFile, configFlag.has_value(), cfg)) return *err;

    PropertyReader reader(cfg.properties);
    readProperties(reader, cfg);
    if (reader.error()) return *reader.error();
    if (cfg.secret.empty() && !cfg.clientProxy)
        return ConfigError{"--secret", "Some of required arguments were not specified: [secret]"};
    noteUnknownProperties(cfg);
    return cfg;
}

LoadResult load(int argc, const char* const* argv, const char* const* envp) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return load(args, environmentFrom(envp));
}

}  // namespace jicofo::config
