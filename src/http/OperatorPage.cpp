#include "http/OperatorPage.h"

#include <cstdio>
#include <sstream>

namespace jicofo::http {
namespace {

const char* kStyle =
    "body{font:14px/1.4 'DejaVu Sans',sans-serif;margin:0;color:#222;background:#f4f5f7}"
    "header{background:#1d3557;color:#fff;padding:8px 16px}h1{font-size:18px;margin:0}"
    "header p{margin:2px 0 0}main{padding:8px 16px}"
    "section{background:#fff;border:1px solid #d0d4da;border-radius:4px;padding:8px 12px;margin-bottom:12px}"
    "h2{font-size:15px;margin:0 0 6px;color:#1d3557}table{border-collapse:collapse;width:100%}"
    "th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #eceef1}"
    ".ok{color:#2a7a2a}.bad{color:#b02a2a;font-weight:bold}.none{color:#777}"
    "pre{margin:0;font:12px 'DejaVu Sans Mono',monospace;white-space:pre-wrap}footer{padding:0 16px 12px}";

std::string twoDigits(std::int64_t n) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(n));
    return buf;
}

std::string state(bool good, const char* yes, const char* no) {
    return std::string("<span class='") + (good ? "ok'>" : "bad'>") + (good ? yes : no) + "</span>";
}

std::string head(const VersionInfo& version, int refreshSeconds, const std::string& title) {
    std::ostringstream out;
    out << "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        << "<meta http-equiv='refresh' content='" << refreshSeconds << "'><title>" << htmlEscape(title)
        << "</title><style>" << kStyle << "</style></head><body>\n<header><h1>jicofo "
        << htmlEscape(version.version) << "</h1>";
    return out.str();
}

std::string foot(int refreshSeconds) {
    return "<footer>Refreshes every " + std::to_string(refreshSeconds) +
           " s. The same as JSON: <a href='/stats'>/stats</a> · <a href='/metrics'>/metrics</a> · "
           "<a href='/about/health'>/about/health</a> · <a href='/about/version'>/about/version</a></footer>"
           "\n</body></html>\n";
}

void streams(std::ostringstream& out, const FocusStats& s) {
    out << "<section id='streams'><h2>XMPP "
           "streams</h2><table><tr><th>stream</th><th>JID</th><th>state</th></tr>"
        << "<tr><td>component</td><td>" << htmlEscape(s.componentJid) << "</td><td>"
        << state(s.componentConnected, "connected", "down") << "</td></tr>"
        << "<tr><td>focus user</td><td>" << htmlEscape(s.focusUserJid) << "</td><td>"
        << state(s.clientConnected, "logged in", "down") << "</td></tr></table></section>\n";
}

void conferences(std::ostringstream& out, const FocusStats& s) {
    out << "<section id='conferences'><h2>Conferences: " << s.conferences << " (" << s.participants
        << " participants, " << s.conferencesCreated << " created since start)</h2>";
    if (s.conferenceList.empty()) {
        out << "<p class='none'>No conference.</p></section>\n";
        return;
    }
    out << "<table><tr><th>room</th><th>participants</th><th>age</th><th>bridge</th></tr>";
    for (const auto& c : s.conferenceList) {
        std::string bridges;
        for (const auto& b : c.bridges) bridges += (bridges.empty() ? "" : ", ") + htmlEscape(b);
        out << "<tr><td class='room'>" << htmlEscape(c.room) << "</td><td class='participants'>"
            << c.participants << "</td><td>" << humanDuration(c.ageSeconds) << "</td><td class='bridge'>"
            << (bridges.empty() ? "<span class='none'>none yet</span>" : bridges) << "</td></tr>";
    }
    out << "</table></section>\n";
}

std::string load(const BridgeInfo& b) {
    if (!b.reportedConferences && !b.videoChannels && !b.videoStreams)
        return "<span class='none'>no report</span>";
    std::string text;
    auto add = [&text](const char* name, const std::optional<std::int64_t>& v) {
        if (v) text += (text.empty() ? "" : ", ") + std::to_string(*v) + " " + name;
    };
    add("conferences", b.reportedConferences);
    add("video channels", b.videoChannels);
    add("video streams", b.videoStreams);
    return text;
}

void bridges(std::ostringstream& out, const FocusStats& s) {
    out << "<section id='bridges'><h2>Videobridges: " << s.bridges << " (" << s.operationalBridges
        << " operational)</h2>";
    if (s.bridgeList.empty()) {
        out << "<p class='bad'>No videobridge found: nobody can be sent media.</p></section>\n";
        return;
    }
    out << "<table><tr><th>bridge</th><th>health</th><th>selectable</th><th>our conferences</th>"
           "<th>load it reports</th></tr>";
    for (const auto& b : s.bridgeList)
        out << "<tr><td class='bridge'>" << htmlEscape(b.jid) << "</td><td>"
            << state(b.healthy, "healthy", "unhealthy") << "</td><td>"
            << state(b.operational, "yes", "no (failed recently)") << "</td><td>" << b.conferences
            << "</td><td>" << load(b) << "</td></tr>";
    out << "</table></section>\n";
}

void warnings(std::ostringstream& out, const FocusStats& s) {
    out << "<section id='warnings'><h2>Last warnings</h2>";
    if (s.recentWarnings.empty()) {
        out << "<p class='none'>None since start.</p></section>\n";
        return;
    }
    out << "<pre>";
    for (auto it = s.recentWarnings.rbegin(); it != s.recentWarnings.rend(); ++it)
        out << htmlEscape(*it) << '\n';
    out << "</pre></section>\n";
}

}  // namespace

std::string htmlEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

std::string humanDuration(std::int64_t seconds) {
    if (seconds < 0) seconds = 0;
    if (seconds < 60) return std::to_string(seconds) + " s";
    if (seconds < 3600) return std::to_string(seconds / 60) + " min " + twoDigits(seconds % 60) + " s";
    if (seconds < 86400)
        return std::to_string(seconds / 3600) + " h " + twoDigits(seconds / 60 % 60) + " min";
    return std::to_string(seconds / 86400) + " d " + twoDigits(seconds / 3600 % 24) + " h";
}

std::string operatorPage(const FocusStats& s, const VersionInfo& version, int refreshSeconds) {
    std::ostringstream out;
    out << head(version, refreshSeconds, "jicofo: " + std::to_string(s.conferences) + " conferences");
    out << "<p>up " << humanDuration(s.uptimeSeconds) << " · focus loop answered in "
        << static_cast<long long>(s.loopLatencyMs * 1000) / 1000.0 << " ms";
    if (s.gracefulShutdown) out << " · <span class='bad'>graceful shutdown: no new conferences</span>";
    out << "</p></header>\n<main>\n";
    conferences(out, s);
    bridges(out, s);
    streams(out, s);
    warnings(out, s);
    out << "</main>\n" << foot(refreshSeconds);
    return out.str();
}

std::string operatorPageUnavailable(const VersionInfo& version, int refreshSeconds) {
    return head(version, refreshSeconds, "jicofo: not answering") +
           "<p class='bad'>The focus loop did not answer in time.</p></header>\n" + foot(refreshSeconds);
}

}  // namespace jicofo::http
