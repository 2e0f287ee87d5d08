#include "config/PropertyReader.h"

#include <cctype>
#include <climits>

namespace jicofo::config {

std::optional<long long> parseLong(const std::string& text) {
    size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    unsigned long long v = 0;
    for (; i < text.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
        v = v * 10 + static_cast<unsigned>(text[i] - '0');
        if (v > static_cast<unsigned long long>(LLONG_MAX)) return std::nullopt;
    }
    return negative ? -static_cast<long long>(v) : static_cast<long long>(v);
}

std::optional<bool> parseBool(const std::string& text) {
    std::string t;
    for (char c : text) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (t == "true") return true;
    if (t == "false") return false;
    return std::nullopt;
}

std::string quoteValue(const std::string& value) {
    return "\"" + value + "\"";
}

void PropertyReader::fail(const std::string& setting, const std::string& what) {
    if (!error_) error_ = ConfigError{setting, setting + ": " + what};
}

Millis PropertyReader::millis(const std::string& name, Millis def) {
    auto text = string(name);
    if (!text) return def;
    auto v = parseLong(*text);
    if (!v) {
        fail(name, quoteValue(*text) + " is not a number of milliseconds");
        return def;
    }
    return Millis(*v);
}

Millis PropertyReader::positiveMillis(const std::string& name, Millis def) {
    Millis v = millis(name, def);
    if (v.count() <= 0) {
        fail(name, std::to_string(v.count()) + " is not a positive number of milliseconds");
        return def;
    }
    return v;
}

int PropertyReader::integer(const std::string& name, int def, int min, int max) {
    auto text = string(name);
    if (!text) return def;
    auto v = parseLong(*text);
    if (!v || *v < INT_MIN || *v > INT_MAX) {
        fail(name, quoteValue(*text) + " is not an integer");
        return def;
    }
    if (*v < min || *v > max) {
        fail(name, *text + " is out of range (" + std::to_string(min) + ".." + std::to_string(max) + ")");
        return def;
    }
    return static_cast<int>(*v);
}

int PropertyReader::port(const std::string& name, int def, bool allowZero) {
    auto text = string(name);
    if (!text) return def;
    auto v = parseLong(*text);
    if (!v) {
        fail(name, quoteValue(*text) + " is not an integer");
        return def;
    }
    if (*v < (allowZero ? 0 : 1) || *v > 65535) {
        fail(name, *text + " is not a port number (" + (allowZero ? "0" : "1") + "..65535)");
        return def;
    }
    return static_cast<int>(*v);
}

bool PropertyReader::boolean(const std::string& name, bool def) {
    auto text = string(name);
    if (!text) return def;
    auto v = parseBool(*text);
    if (!v) {
        fail(name, quoteValue(*text) + " is not a boolean (true or false)");
        return def;
    }
    return *v;
}

std::optional<util::Jid> PropertyReader::jid(const std::string& name) {
    auto text = string(name);
    if (!text) return std::nullopt;
    auto j = util::Jid::parse(*text);
    if (!j) fail(name, quoteValue(*text) + " is not a valid JID");
    return j;
}

std::string PropertyReader::domain(const std::string& name) {
    auto text = string(name);
    if (!text) {
        fail(name, "must not be empty");
        return {};
    }
    auto j = util::Jid::parse(*text);
    if (!j || !j->node().empty() || !j->resource().empty()) {
        fail(name, quoteValue(*text) + " is not a valid XMPP domain");
        return {};
    }
    return *text;
}

}  // namespace jicofo::config
