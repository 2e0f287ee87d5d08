#pragma once
// Builds the one FocusConfig from the command line, the environment and sip-communicator.properties.
//
//   auto cfg = jicofo::config::load(argc, argv, environ);
//   if (!cfg) { std::cerr << cfg.error().message << "\n"; return 1; }
//   if (cfg->helpRequested) { std::cout << jicofo::config::usage(argv[0]); return 0; }
//   log::setup({cfg->loggingConfigFile, cfg->logLevel, cfg->logFile});   // then log cfg->notes
//
// Order (docs/protocol.md §1, §2.1): the flags are parsed and copied into system properties (HOSTNAME,
// XMPP_DOMAIN, FOCUS_USER_DOMAIN, FOCUS_USER_NAME, FOCUS_USER_PASSWORD) over any -D of the same name, as the
// 2015 Main did; then every property is looked up in the file first, then in the system properties. The file
// is --config=FILE, else SC_HOME_DIR_LOCATION/SC_HOME_DIR_NAME/sip-communicator.properties (-D, default
// $HOME/.sip-communicator). A missing default file is fine (a note); a missing --config file, an unreadable
// file or any bad value is a ConfigError.
#include <map>
#include <string>
#include <vector>

#include "config/Catalog.h"
#include "config/ConfigError.h"
#include "config/FocusConfig.h"
#include "util/Result.h"

namespace jicofo::config {

using Environment = std::map<std::string, std::string>;
using LoadResult = util::Result<FocusConfig, ConfigError>;

// argv[0] is the program name and is skipped; envp is a NULL-terminated NAME=value array (may be null).
LoadResult load(int argc, const char* const* argv, const char* const* envp);
// The same with the arguments (without program name) and environment as values: what the tests use.
LoadResult load(const std::vector<std::string>& args, const Environment& env);

Environment environmentFrom(const char* const* envp);

// The properties file the loader would read for these system properties and environment (no --config).
std::string defaultPropertiesPath(const std::map<std::string, std::string>& systemProperties,
                                  const Environment& env);

// The log level names org.jitsi.jicofo.log.LEVEL accepts (the same set as log::parseSeverity).
bool isLogLevelName(const std::string& text);

}  // namespace jicofo::config
