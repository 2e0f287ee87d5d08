#pragma once
// An XMPP address. Node and domain are case-folded on parse (an ASCII approximation of nodeprep/nameprep),
// because Prosody answers from the folded room JID: keys must match what the server sends back
// (docs/protocol.md §4.1).
#include <optional>
#include <string>
#include <string_view>

namespace jicofo::util {

class Jid {
  public:
    Jid() = default;
    // Returns nothing for text that is not a JID (empty domain, empty node before '@', over-long parts,
    // spaces, an empty DNS label as in "a..b" or "a.."...). One trailing dot of the domain is dropped, so
    // parse(j.str()) == j for every parsed j.
    static std::optional<Jid> parse(std::string_view text);
    Jid(std::string node, std::string domain, std::string resource);

    const std::string& node() const { return node_; }
    const std::string& domain() const { return domain_; }
    const std::string& resource() const { return resource_; }
    bool empty() const { return domain_.empty(); }
    bool isBare() const { return resource_.empty(); }

    Jid bare() const { return Jid(node_, domain_, {}); }
    Jid withResource(std::string resource) const { return Jid(node_, domain_, std::move(resource)); }
    std::string str() const;
    std::string bareStr() const;

    bool operator==(const Jid& o) const {
        return node_ == o.node_ && domain_ == o.domain_ && resource_ == o.resource_;
    }
    bool operator!=(const Jid& o) const { return !(*this == o); }
    bool operator<(const Jid& o) const { return str() < o.str(); }

  private:
    std::string node_, domain_, resource_;
};

}  // namespace jicofo::util

template <>
struct std::hash<jicofo::util::Jid> {
    size_t operator()(const jicofo::util::Jid& j) const noexcept { return std::hash<std::string>()(j.str()); }
};
