#include "util/Jid.h"

#include <algorithm>
#include <cctype>

namespace jicofo::util {
namespace {

constexpr size_t kMaxPart = 1023;  // RFC 7622 §3.1: each part at most 1023 octets

std::string fold(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool validNode(std::string_view s) {
    // RFC 7622 / nodeprep: these may not appear in a localpart.
    for (unsigned char c : s) {
        if (c <= 0x20 || c == 0x7f ||
            std::string_view("\"&'/:<>@").find(static_cast<char>(c)) != std::string_view::npos)
            return false;
    }
    return s.size() <= kMaxPart;
}

bool validDomain(std::string_view s) {
    if (s.empty() || s.size() > kMaxPart) return false;
    // Every DNS label has a character: "a..b", ".a" or "a.." (one dot left after the strip) name no host,
    // and "a.." would read as "a." and then as "a", a different JID on every round.
    if (s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) return false;
    for (unsigned char c : s) {
        if (c <= 0x20 || c == 0x7f ||
            std::string_view("\"&'/:<>@[]\\").find(static_cast<char>(c)) != std::string_view::npos) {
            if (c != ':' && c != '[' && c != ']') return false;  // IPv6 literals
        }
    }
    return true;
}

}  // namespace

Jid::Jid(std::string node, std::string domain, std::string resource)
    : node_(std::move(node)), domain_(std::move(domain)), resource_(std::move(resource)) {}

std::optional<Jid> Jid::parse(std::string_view text) {
    std::string_view rest = text;
    std::string_view resource;
    size_t slash = rest.find('/');
    if (slash != std::string_view::npos) {
        resource = rest.substr(slash + 1);
        rest = rest.substr(0, slash);
        if (resource.empty() || resource.size() > kMaxPart) return std::nullopt;
        for (unsigned char c : resource)
            if (c < 0x20 || c == 0x7f) return std::nullopt;
    }
    std::string_view node;
    size_t at = rest.find('@');
    if (at != std::string_view::npos) {
        node = rest.substr(0, at);
        rest = rest.substr(at + 1);
        if (node.empty() || !validNode(node)) return std::nullopt;
    }
    // RFC 7622 §3.2: strip the one trailing dot of a fully qualified name ("example.com." is example.com).
    if (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
    if (!validDomain(rest)) return std::nullopt;
    return Jid(fold(node), fold(rest), std::string(resource));
}

std::string Jid::bareStr() const {
    if (node_.empty()) return domain_;
    return node_ + "@" + domain_;
}

std::string Jid::str() const {
    if (resource_.empty()) return bareStr();
    return bareStr() + "/" + resource_;
}

}  // namespace jicofo::util
