#include "config/Properties.h"

namespace jicofo::config {

std::optional<std::string> Properties::get(const std::string& name) const {
    if (auto it = file.find(name); it != file.end()) return it->second;
    if (auto it = system.find(name); it != system.end()) return it->second;
    return std::nullopt;
}

std::string javaTrim(const std::string& s) {
    size_t b = 0, e = s.size();
    while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
    while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
    return s.substr(b, e - b);
}

std::optional<std::string> Properties::getString(const std::string& name) const {
    auto raw = get(name);
    if (!raw) return std::nullopt;
    std::string trimmed = javaTrim(*raw);
    if (trimmed.empty()) return std::nullopt;
    return trimmed;
}

}  // namespace jicofo::config
