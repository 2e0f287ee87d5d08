#include "config/CommandLine.h"

#include <algorithm>

namespace jicofo::config {

const std::vector<std::string>& knownFlags() {
    static const std::vector<std::string> names = {"domain", "host",        "port",      "subdomain",
                                                   "secret", "user_domain", "user_name", "user_password",
                                                   "config", "daemon",      "pidfile",   "help"};
    return names;
}

namespace {

bool known(const std::string& name) {
    const auto& names = knownFlags();
    return std::find(names.begin(), names.end(), name) != names.end();
}

void addSystemProperty(CommandLine& out, const std::string& arg) {
    std::string body = arg.substr(2);
    size_t eq = body.find('=');
    // Java: `-Dname` alone sets name to the empty string.
    std::string name = body.substr(0, eq);
    if (name.empty()) {
        out.warnings.push_back("Ignoring argument without a property name: " + arg);
        return;
    }
    out.systemProperties[name] = eq == std::string::npos ? std::string() : body.substr(eq + 1);
}

}  // namespace

CommandLine parseCommandLine(const std::vector<std::string>& args) {
    CommandLine out;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 2 && arg[0] == '-' && arg[1] == 'D') {
            addSystemProperty(out, arg);
            continue;
        }
        std::string s = arg;
        if (s.rfind("--", 0) == 0)
            s.erase(0, 2);
        else if (s.rfind("-", 0) == 0)
            s.erase(0, 1);
        if (s == "help" || s == "h") {
            out.help = true;
            continue;
        }
        if (s == "daemon") {  // the one boolean flag; `--daemon=false` is read by the loader
            out.flags["daemon"] = "true";
            continue;
        }
        size_t eq = s.find('=');
        if (eq == std::string::npos || eq == 0) {
            // Show the text only when it is one of our flags missing its value (`--port`): `--secret abc` or
            // `--secret -abc` must not print the secret into the log; the position says which argument.
            bool showable = arg.rfind("-", 0) == 0 && eq == std::string::npos && known(s);
            out.warnings.push_back("Ignoring argument " + std::to_string(i + 1) +
                                   ", not of the form --name=value" +
                                   (showable ? ": " + arg : std::string()));
            continue;
        }
        std::string name = s.substr(0, eq), value = s.substr(eq + 1);
        if (value.empty()) continue;  // as the original: `--port=` is as if absent
        if (!known(name) || name == "help") {
            out.warnings.push_back("Ignoring unknown argument: " + name);
            continue;
        }
        out.flags[name] = value;
    }
    return out;
}

}  // namespace jicofo::config
