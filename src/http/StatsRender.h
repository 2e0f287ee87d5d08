#pragma once
// Text forms of the operation endpoints: /stats JSON, Prometheus /metrics, the health and version JSON.
// Pure functions of the values (unit-tested); the handlers only pick one and send it.
#include <string>

#include "http/FocusProbe.h"

namespace jicofo::http {

// {"conferences":N,"participants":N,"largest_conference":N,"conference_sizes":[...],...,
//  "rooms":[{"room","participants","age_seconds","bridges":[...]}],
//  "bridge_list":[{"jid","operational","healthy","conferences",["reported_conferences","video_channels",
//                  "video_streams"]}], "recent_warnings":["log line",...]}
std::string statsJson(const FocusStats& stats);
// Prometheus text exposition format 0.0.4, names after modern Jicofo's (jitsi_jicofo_*).
std::string prometheusText(const FocusStats& stats, const VersionInfo& version);
inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";
// {"healthy":bool,"status":N,"checks":{"name":{"ok":bool,"detail":"..."},...}}
std::string healthJson(const HealthReport& report);
// {"name":"jicofo","version":"...","revision":"...","os":"Linux"} (modern Jicofo's /about/version keys)
std::string versionJson(const VersionInfo& version);

}  // namespace jicofo::http
