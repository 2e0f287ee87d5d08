#pragma once
// What this binary is: the project version, plus the git revision when the source tree was a git checkout at
// build time ("1.0.0-g6669f5e35d", "-dirty" when it had local changes). Shown by /about/version and the log.
#include "http/FocusProbe.h"

namespace jicofo::app {

http::VersionInfo buildVersion();

}  // namespace jicofo::app
