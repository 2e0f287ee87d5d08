#include "log/SettingsFile.h"

#include <algorithm>
#include <cctype>
#include <istream>
#include <stdexcept>

namespace jicofo::log {
namespace {

std::string trim(const std::string& s) {
    auto notBlank = [](unsigned char c) { return !std::isspace(c); };
    auto b = std::find_if(s.begin(), s.end(), notBlank);
    auto e = std::find_if(s.rbegin(), s.rend(), notBlank).base();
    return b < e ? std::string(b, e) : std::string();
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

// The text between the quotes of `raw` (which starts with one), with \" taken as a quote; every other
// backslash stays for the filter and format parsers (\n, \t, \%). Nothing may follow but blanks or a comment.
std::string unquote(const std::string& raw) {
    std::string out;
    std::size_t i = 1;
    for (; i < raw.size() && raw[i] != '"'; ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == '"') ++i;
        out.push_back(raw[i]);
    }
    if (i == raw.size()) throw std::runtime_error("unterminated quoted value");
    std::string rest = trim(raw.substr(i + 1));
    if (!rest.empty() && rest[0] != '#') throw std::runtime_error("text after the quoted value");
    return out;
}

}  // namespace

std::optional<std::string> LogSettingsFile::get(const std::string& section, const std::string& name) const {
    auto s = sections.find(section);
    if (s == sections.end()) return std::nullopt;
    return param(s->second, name);
}

LogSettingsFile parseSettingsFile(std::istream& in) {
    LogSettingsFile file;
    SettingsSection* current = nullptr;
    std::string raw;
    for (int number = 1; std::getline(in, raw); ++number) {
        std::string line = trim(raw);
        if (line.empty() || line[0] == '#') continue;
        auto fail = [number](const std::string& what) {
            throw std::runtime_error("line " + std::to_string(number) + ": " + what);
        };
        if (line[0] == '[') {
            std::string name = trim(line.substr(1, line.size() - 2));
            if (line.back() != ']' || name.empty() || !std::all_of(name.begin(), name.end(), isNameChar))
                fail("bad section header " + line);
            current = &file.sections[name];
            continue;
        }
        auto eq = line.find('=');
        if (eq == std::string::npos) fail("expected Name=value, got " + line);
        std::string name = trim(line.substr(0, eq));
        if (name.empty() || !std::all_of(name.begin(), name.end(), isNameChar))
            fail("bad parameter name " + line);
        if (!current) fail("parameter " + name + " outside of any [section]");
        std::string value = trim(line.substr(eq + 1));
        if (!value.empty() && value[0] == '"') {
            try {
                value = unquote(value);
            } catch (const std::runtime_error& e) {
                fail(std::string(e.what()) + " in " + line);
            }
        }
        (*current)[name] = value;
    }
    return file;
}

std::optional<std::string> param(const SettingsSection& section, const std::string& name) {
    auto it = section.find(name);
    if (it == section.end()) return std::nullopt;
    return it->second;
}

bool parseBool(const std::string& name, const std::string& value) {
    std::string v = lower(value);
    if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
    if (v == "false" || v == "no" || v == "off" || v == "0") return false;
    throw std::invalid_argument(name + " \"" + value + "\" is not true or false");
}

unsigned long long parseCount(const std::string& name, const std::string& value) {
    std::size_t used = 0;
    unsigned long long v = 0;
    try {
        if (!value.empty() && std::isdigit(static_cast<unsigned char>(value[0])))
            v = std::stoull(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != value.size())
        throw std::invalid_argument(name + " \"" + value + "\" is not a non-negative number");
    return v;
}

}  // namespace jicofo::log
