#pragma once
// Colibri <stats><stat name value/>…</stats>: the bridge's PubSub stats item (docs/media.md §1.2) and the
// focus's own stats answer (docs/protocol.md §6.9). Values stay strings; number() reads one as an integer.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol::colibri {

struct Stats {
    std::vector<std::pair<std::string, std::string>> stats;  // name, value in order

    static bool isStats(const xml::Element& e);
    // A <stat> without a name is bad-request; unknown children are skipped.
    static ParseResult<Stats> parse(const xml::Element& e);
    xml::Element toElement() const;

    const std::string* get(const std::string& name) const;
    // Integer value of a stat; nullopt when absent or not an integer (e.g. cpu_usage 0.25).
    std::optional<int64_t> number(const std::string& name) const;
    void set(const std::string& name, std::string value);  // replaces or appends
};

}  // namespace jicofo::protocol::colibri
