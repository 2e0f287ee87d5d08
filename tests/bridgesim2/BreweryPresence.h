#pragma once
// The simulated bridge's brewery presence (docs/media.md §1.5): the colibri <stats/> jicofo reads, from the
// settings in force and the bridge's current load (conferences, participants, as extra stats).
#include "bridgesim2/Colibri2Bridge.h"
#include "bridgesim2/Sim2Settings.h"
#include "protocol/colibri2/BreweryStats.h"

namespace jicofo::bridgesim2 {

protocol::colibri2::BreweryStats breweryStats(const BreweryStatsSettings& settings,
                                              const Colibri2Bridge& bridge);

}  // namespace jicofo::bridgesim2
