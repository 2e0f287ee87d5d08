#pragma once
// The colibri <stats xmlns='http://jitsi.org/protocol/colibri'><stat name value/>…</stats> a modern bridge
// puts in its brewery MUC presence (docs/media.md §1.5), with the stats the focus reads typed:
//   stress_level, average_participant_stress   decimal numbers (e.g. 0.05)
//   graceful_shutdown, shutting_down, drain, healthy, colibri2   true | false (any case; also 1 | 0)
//   version, release, region, relay_id   text
// A typed stat whose value does not read as its type is bad-request. Every other stat is kept as text, and a
// parsed object writes its stats back in the order they came; one built in code writes the typed ones in the
// order above, then the others. Numbers are written in their shortest exact form with at least one decimal
// (0.05, 0.0, 1.0), as the Java bridge prints them.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/stanza/StanzaError.h"
#include "xml/Element.h"

namespace jicofo::protocol::colibri2 {

struct BreweryStats {
    std::optional<double> stressLevel, averageParticipantStress;
    std::optional<bool> gracefulShutdown, shuttingDown, drain, healthy, colibri2;
    std::string version, release, region, relayId;            // "" ⇒ absent
    std::vector<std::pair<std::string, std::string>> others;  // name, value
    std::vector<std::string> order;                           // stat names as parsed

    static bool isStats(const xml::Element& e);
    // The <stats/> child of a presence; nullptr when it has none (then the occupant is no bridge).
    static const xml::Element* findIn(const xml::Element& presence);
    static ParseResult<BreweryStats> parse(const xml::Element& stats);
    xml::Element toElement() const;

    const std::string* other(const std::string& name) const;
};

// Shortest exact fixed notation with at least one fractional digit: 0.05, 0.0, 1.0, 0.00001.
std::string formatStatNumber(double v);

}  // namespace jicofo::protocol::colibri2
