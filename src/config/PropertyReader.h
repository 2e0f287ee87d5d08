#pragma once
// Typed, validated reads of properties (file first, then system properties). The 2015 focus fell back to the
// default on a bad value; here the first bad value is remembered and the loader refuses to start with it.
#include <optional>
#include <string>

#include "config/ConfigError.h"
#include "config/FocusConfig.h"

namespace jicofo::config {

class PropertyReader {
  public:
    explicit PropertyReader(const Properties& props) : props_(props) {}

    // Trimmed, empty => none (ConfigurationService.getString).
    std::optional<std::string> string(const std::string& name) const { return props_.getString(name); }
    std::string string(const std::string& name, const std::string& def) const {
        return props_.getString(name).value_or(def);
    }
    Millis millis(const std::string& name, Millis def);
    // A positive number of milliseconds (0 and negatives refused).
    Millis positiveMillis(const std::string& name, Millis def);
    int integer(const std::string& name, int def, int min, int max);
    int port(const std::string& name, int def, bool allowZero = false);
    // "true"/"false" in any case; anything else is an error (Java took anything but "true" as false).
    bool boolean(const std::string& name, bool def);
    std::optional<util::Jid> jid(const std::string& name);
    // A required bare domain (no node, no resource), e.g. org.jitsi.jicofo.XMPP_DOMAIN; "" after an error.
    std::string domain(const std::string& name);

    // Records an error unless one is already there: the operator sees the first problem.
    void fail(const std::string& setting, const std::string& what);
    const std::optional<ConfigError>& error() const { return error_; }

  private:
    const Properties& props_;
    std::optional<ConfigError> error_;
};

// Helpers shared with the command-line checks. Accept what Java's Long.parseLong accepted: optional sign,
// digits.
std::optional<long long> parseLong(const std::string& text);
std::optional<bool> parseBool(const std::string& text);
std::string quoteValue(const std::string& value);

}  // namespace jicofo::config
