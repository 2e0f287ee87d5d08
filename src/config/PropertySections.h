#pragma once
// Reads every known property into the config, group by group (docs/protocol.md §2.2, docs/media.md §1). Used
// by the loader; errors are collected in the reader.
#include "config/FocusConfig.h"
#include "config/PropertyReader.h"

namespace jicofo::config {

void readProperties(PropertyReader& reader, FocusConfig& cfg);

// Warnings for file keys under org.jitsi.jicofo. / org.jitsi.focus. that nothing reads (usually typos).
void noteUnknownProperties(FocusConfig& cfg);

}  // namespace jicofo::config
