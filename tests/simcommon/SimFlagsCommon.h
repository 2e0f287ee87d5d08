#pragma once
// What both bridge simulators' command lines (bridgesim/SimFlags, bridgesim2/Sim2Flags) do the same way:
// Unix-style `--name=value` / `--name value` options on a Poco OptionSet, numbers checked against a range
// with an error naming the flag, the --min-port/--max-port pair, and the --help text.
//
//   Poco::Util::OptionSet s;
//   auto value = simcommon::valueOption(s);   value("port", "PORT", "client port (5222)");
//   auto flag = simcommon::flagOption(s);     flag("drain", "drain stat true");
//   return simcommon::parseFlags<Sim2Flags>(s, args, apply, [](Sim2Flags& f, const auto& maxPort) { … });
#include <Poco/Util/OptionSet.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "util/Result.h"

namespace jicofo::simcommon {

// Adders for options that take a value, and for plain switches (both optional and repeatable).
std::function<void(const char* name, const char* arg, const char* help)> valueOption(
    Poco::Util::OptionSet& s);
std::function<void(const char* name, const char* help)> flagOption(Poco::Util::OptionSet& s);

// A whole decimal number within [min, max]; std::invalid_argument "--NAME: not a number: V" or
// "--NAME: out of range [MIN, MAX]: V" otherwise.
int64_t number(const std::string& name, const std::string& value, int64_t min, int64_t max);

// Runs every argument through the option set, calling apply(name, value) per option (a switch has value
// ""); apply may throw std::invalid_argument. The error text on failure (unknown option, missing value,
// apply's message), nullopt when all went through.
std::optional<std::string> parseArgs(
    const Poco::Util::OptionSet& options, const std::vector<std::string>& args,
    const std::function<void(const std::string&, const std::string&)>& apply);

// --max-port, when given, as the number of ports from --min-port into portRange; the error when it is below.
std::optional<std::string> setPortRange(const std::optional<int64_t>& maxPort, uint16_t firstPort,
                                        uint16_t& portRange);

// A simulator's whole parse: every option goes to apply(flags, name, value) except --max-port (kept for
// finish), --log-level and --help (Flags::logLevel, Flags::help); then, unless --help was given,
// finish(flags, maxPort) checks what is required and sets the port range (setPortRange): its error, or
// nullopt.
template <typename Flags, typename Apply, typename Finish>
util::Result<Flags, std::string> parseFlags(const Poco::Util::OptionSet& options,
                                            const std::vector<std::string>& args, Apply apply,
                                            Finish finish) {
    Flags f;
    std::optional<int64_t> maxPort;
    auto error = parseArgs(options, args, [&](const std::string& name, const std::string& value) {
        if (name == "max-port")
            maxPort = number(name, value, 1, 65535);
        else if (name == "log-level")
            f.logLevel = value;
        else if (name == "help")
            f.help = true;
        else
            apply(f, name, value);
    });
    if (error) return *error;
    if (f.help) return f;
    if (std::optional<std::string> bad = finish(f, maxPort)) return *bad;
    return f;
}

// The --help text: the program, its usage line and a header above the options.
std::string usage(const Poco::Util::OptionSet& options, const std::string& program, const std::string& line,
                  const std::string& header);

}  // namespace jicofo::simcommon
