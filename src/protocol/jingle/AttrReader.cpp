#include "protocol/jingle/AttrReader.h"

#include <algorithm>
#include <cctype>

namespace jicofo::protocol::jingle {

std::optional<uint64_t> parseDecimal(std::string_view text, uint64_t max) {
    if (text.empty() || text.size() > 20) return std::nullopt;
    uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        uint64_t digit = static_cast<uint64_t>(c - '0');
        if (v > (max - digit) / 10) return std::nullopt;  // v * 10 + digit would exceed max
        v = v * 10 + digit;
    }
    return v;
}

void writeAttributes(xml::Element& e, const Attributes& attrs) {
    for (const auto& [k, v] : attrs) e.setAttr(k, v);
}

StanzaError badRequest(std::string text) {
    return StanzaError::of("bad-request", std::move(text));
}

std::string AttrReader::str(std::string_view name, bool required) {
    read_.emplace_back(name);
    const std::string& v = e_.attr(name);
    if (required && v.empty()) fail("<" + e_.name() + "> lacks the '" + std::string(name) + "' attribute");
    return v;
}

std::optional<uint64_t> AttrReader::uint(std::string_view name, uint64_t max, bool required) {
    bool present = e_.hasAttr(name);
    std::string v = str(name, required);
    if (!present) return std::nullopt;
    auto n = parseDecimal(v, max);
    if (!n)
        fail("<" + e_.name() + "> " + std::string(name) + "='" + v + "' is not a number in 0.." +
             std::to_string(max));
    return n;
}

std::optional<int64_t> AttrReader::sint(std::string_view name, int64_t min, int64_t max, bool required) {
    bool present = e_.hasAttr(name);
    std::string v = str(name, required);
    if (!present) return std::nullopt;
    bool negative = !v.empty() && v[0] == '-';
    auto magnitude = parseDecimal(std::string_view(v).substr(negative ? 1 : 0), uint64_t(INT64_MAX));
    std::optional<int64_t> n;
    if (magnitude) n = negative ? -static_cast<int64_t>(*magnitude) : static_cast<int64_t>(*magnitude);
    if (!n || *n < min || *n > max) {
        fail("<" + e_.name() + "> " + std::string(name) + "='" + v + "' is not a number in " +
             std::to_string(min) + ".." + std::to_string(max));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> AttrReader::boolean(std::string_view name) {
    if (!e_.hasAttr(name)) {
        read_.emplace_back(name);
        return std::nullopt;
    }
    std::string v = str(name);
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
    if (v == "true" || v == "1") return true;
    if (v == "false" || v == "0") return false;
    fail("<" + e_.name() + "> " + std::string(name) + "='" + v + "' is not a boolean");
    return std::nullopt;
}

void AttrReader::fail(std::string text) {
    if (!error_) error_ = badRequest(std::move(text));
}

Attributes AttrReader::unread() const {
    Attributes out;
    for (const auto& a : e_.attributes())
        if (std::find(read_.begin(), read_.end(), a.first) == read_.end()) out.push_back(a);
    return out;
}

}  // namespace jicofo::protocol::jingle
