#include "config/ServiceCommandLine.h"

#include <Poco/String.h>

namespace jicofo::config {
namespace {

// The POCO option names, and whether they take a value.
struct ServiceFlag {
    const char* name;
    bool takesValue;
};
constexpr ServiceFlag kServiceFlags[] = {{"registerService", false},
                                         {"unregisterService", false},
                                         {"displayName", true},
                                         {"description", true},
                                         {"startup", true}};

}  // namespace

ServiceCommandLine splitServiceFlags(const std::vector<std::string>& args) {
    ServiceCommandLine out;
    for (const auto& arg : args) {
        std::string body;
        if (arg.rfind("--", 0) == 0)
            body = arg.substr(2);
        else if (!arg.empty() && (arg[0] == '/' || arg[0] == '-'))
            body = arg.substr(1);
        size_t sep = body.find_first_of("=:");
        std::string name = body.substr(0, sep);
        const ServiceFlag* match = nullptr;
        for (const auto& flag : kServiceFlags)
            if (!name.empty() && Poco::icompare(name, std::string(flag.name)) == 0) match = &flag;
        if (!match) {
            out.programArgs.push_back(arg);
            continue;
        }
        std::string canonical = std::string("--") + match->name;
        if (match->takesValue)
            canonical += "=" + (sep == std::string::npos ? std::string() : body.substr(sep + 1));
        out.pocoArgs.push_back(canonical);
        std::string n = match->name;
        out.registers = out.registers || n == "registerService";
        out.unregisters = out.unregisters || n == "unregisterService";
        out.hasDisplayName = out.hasDisplayName || n == "displayName";
    }
    return out;
}

std::string quoteWindowsArgument(const std::string& arg) {
    if (!arg.empty() && arg.find_first_of(" \t\n\v\"") == std::string::npos) return arg;
    // Backslashes are literal except before a quote: there they are doubled, and the quote escaped.
    std::string out = "\"";
    size_t backslashes = 0;
    for (char c : arg) {
        if (c == '\\') {
            ++backslashes;
            continue;
        }
        if (c == '"') {
            out.append(backslashes * 2 + 1, '\\');
        } else {
            out.append(backslashes, '\\');
        }
        backslashes = 0;
        out.push_back(c);
    }
    out.append(backslashes * 2, '\\');  // before the closing quote
    out.push_back('"');
    return out;
}

std::string windowsCommandLine(const std::string& program, const std::vector<std::string>& args) {
    // The program name is parsed without escapes: quote it plainly.
    std::string out = "\"" + program + "\"";
    for (const auto& a : args) out += " " + quoteWindowsArgument(a);
    return out;
}

std::vector<std::string> maskSecrets(std::vector<std::string> args) {
    for (auto& a : args) {
        size_t start = a.rfind("--", 0) == 0 ? 2 : a.rfind("-", 0) == 0 ? 1 : 0;
        size_t eq = a.find('=');
        if (eq == std::string::npos) continue;
        std::string name = a.substr(start, eq - start);
        // -D properties: any whose name says it holds a password, secret or token (INFLUX_PASS,
        // MEDIA_RECORDING_TOKEN).
        std::string upper = Poco::toUpper(name);
        bool property = start == 1 && name.size() > 1 && name[0] == 'D';
        bool secretName = upper.find("PASS") != std::string::npos ||
                          upper.find("SECRET") != std::string::npos ||
                          upper.find("TOKEN") != std::string::npos;
        if (name == "secret" || name == "user_password" || (property && secretName))
            a = a.substr(0, eq + 1) + "*****";
    }
    return args;
}

}  // namespace jicofo::config
