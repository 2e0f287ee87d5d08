#pragma once
// GET / on the focus's HTTP port: one plain HTML page for the person running the focus, refreshing itself,
// with what /stats says (conferences with their room, participants, age and bridge; bridges with health,
// load and conferences; the two XMPP streams; uptime; version; the log's last warnings). No script, no
// framework. Pure functions of the values (unit-tested); http/OperationHandler sends them.
#include <cstdint>
#include <string>

#include "http/FocusProbe.h"

namespace jicofo::http {

inline constexpr int kOperatorPageRefreshSeconds = 5;
inline constexpr const char* kHtmlContentType = "text/html; charset=utf-8";

std::string operatorPage(const FocusStats& stats, const VersionInfo& version,
                         int refreshSeconds = kOperatorPageRefreshSeconds);
// The page when the focus loop did not answer in time (sent with 503).
std::string operatorPageUnavailable(const VersionInfo& version,
                                    int refreshSeconds = kOperatorPageRefreshSeconds);

// &, <, >, " and ' as entities.
std::string htmlEscape(const std::string& text);
// "42 s", "3 min 07 s", "2 h 05 min", "3 d 04 h".
std::string humanDuration(std::int64_t seconds);

}  // namespace jicofo::http
