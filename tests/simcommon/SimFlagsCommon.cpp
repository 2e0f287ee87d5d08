#include "simcommon/SimFlagsCommon.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include <charconv>
#include <sstream>
#include <stdexcept>

namespace jicofo::simcommon {

using Poco::Util::Option;

std::function<void(const char*, const char*, const char*)> valueOption(Poco::Util::OptionSet& s) {
    return [&s](const char* name, const char* arg, const char* help) {
        s.addOption(Option(name, "", help).required(false).repeatable(true).argument(arg));
    };
}

std::function<void(const char*, const char*)> flagOption(Poco::Util::OptionSet& s) {
    return [&s](const char* name, const char* help) {
        s.addOption(Option(name, "", help).required(false).repeatable(true));
    };
}

int64_t number(const std::string& name, const std::string& value, int64_t min, int64_t max) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size())
        throw std::invalid_argument("--" + name + ": not a number: " + value);
    if (v < min || v > max)
        throw std::invalid_argument("--" + name + ": out of range [" + std::to_string(min) + ", " +
                                    std::to_string(max) + "]: " + value);
    return v;
}

std::optional<std::string> parseArgs(
    const Poco::Util::OptionSet& options, const std::vector<std::string>& args,
    const std::function<void(const std::string&, const std::string&)>& apply) {
    Poco::Util::OptionProcessor processor(options);
    processor.setUnixStyle(true);
    try {
        for (const auto& arg : args) {
            std::string name, value;
            if (!processor.process(arg, name, value))
                throw std::invalid_argument("unexpected argument: " + arg);
            if (name.empty()) continue;  // the flag's value follows in the next argument
            apply(name, value);
        }
        processor.checkRequired();
    } catch (const Poco::Util::OptionException& e) {
        return std::string(e.displayText());
    } catch (const std::invalid_argument& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

std::optional<std::string> setPortRange(const std::optional<int64_t>& maxPort, uint16_t firstPort,
                                        uint16_t& portRange) {
    if (!maxPort) return std::nullopt;
    if (*maxPort < firstPort) return std::string("--max-port is below --min-port");
    portRange = static_cast<uint16_t>(*maxPort - firstPort + 1);
    return std::nullopt;
}

std::string usage(const Poco::Util::OptionSet& options, const std::string& program, const std::string& line,
                  const std::string& header) {
    Poco::Util::HelpFormatter help(options);
    help.setUnixStyle(true);
    help.setCommand(program);
    help.setUsage(line);
    help.setHeader(header);
    std::ostringstream out;
    help.format(out);
    return out.str();
}

}  // namespace jicofo::simcommon
