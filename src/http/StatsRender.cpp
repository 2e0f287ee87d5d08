#include "http/StatsRender.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cmath>
#include <sstream>

namespace jicofo::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string stringify(const Object& o) {
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

// Prometheus label values escape backslash, double quote and newline.
std::string label(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out.push_back('\\');
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out.push_back(c);
    }
    return out;
}

class Metrics {
  public:
    void metric(const std::string& name, const char* type, const std::string& help, const std::string& value,
                const std::string& labels = {}) {
        if (name != last_) {
            out_ << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
            last_ = name;
        }
        out_ << name << labels << ' ' << value << '\n';
    }
    template <class N>
    void gauge(const std::string& name, const std::string& help, N value, const std::string& labels = {}) {
        metric(name, "gauge", help, std::to_string(value), labels);
    }
    std::string str() const { return out_.str(); }

  private:
    std::ostringstream out_;
    std::string last_;
};

std::string seconds(double ms) {
    std::ostringstream out;
    out.precision(6);
    out << std::fixed << ms / 1000.0;
    return out.str();
}

Array roomList(const std::vector<ConferenceInfo>& rooms) {
    Array out;
    for (const auto& c : rooms) {
        Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("room", c.room);
        o.set("participants", static_cast<Poco::UInt64>(c.participants));
        o.set("age_seconds", static_cast<Poco::Int64>(c.ageSeconds));
        Array bridges;
        for (const auto& b : c.bridges) bridges.add(b);
        o.set("bridges", bridges);
        out.add(o);
    }
    return out;
}

Array bridgeList(const std::vector<BridgeInfo>& bridges) {
    Array out;
    for (const auto& b : bridges) {
        Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("jid", b.jid);
        o.set("operational", b.operational);
        o.set("healthy", b.healthy);
        o.set("conferences", static_cast<Poco::UInt64>(b.conferences));
        if (b.reportedConferences)
            o.set("reported_conferences", static_cast<Poco::Int64>(*b.reportedConferences));
        if (b.videoChannels) o.set("video_channels", static_cast<Poco::Int64>(*b.videoChannels));
        if (b.videoStreams) o.set("video_streams", static_cast<Poco::Int64>(*b.videoStreams));
        out.add(o);
    }
    return out;
}

}  // namespace

std::string statsJson(const FocusStats& s) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("conferences", static_cast<Poco::UInt64>(s.conferences));
    o.set("participants", static_cast<Poco::UInt64>(s.participants));
    o.set("largest_conference", static_cast<Poco::UInt64>(s.largestConference));
    Array sizes;
    for (auto n : s.conferenceSizes) sizes.add(static_cast<Poco::UInt64>(n));
    o.set("conference_sizes", sizes);
    o.set("total_conferences_created", static_cast<Poco::UInt64>(s.conferencesCreated));
    o.set("bridges", static_cast<Poco::UInt64>(s.bridges));
    o.set("operational_bridges", static_cast<Poco::UInt64>(s.operationalBridges));
    Object selector(Poco::JSON_PRESERVE_KEY_ORDER);
    selector.set("bridge_count", static_cast<Poco::UInt64>(s.bridges));
    selector.set("operational_bridge_count", static_cast<Poco::UInt64>(s.operationalBridges));
    o.set("bridge_selector", selector);
    o.set("graceful_shutdown", s.gracefulShutdown);
    Object xmpp(Poco::JSON_PRESERVE_KEY_ORDER);
    xmpp.set("component_connected", s.componentConnected);
    xmpp.set("focus_user_connected", s.clientConnected);
    xmpp.set("component_jid", s.componentJid);
    xmpp.set("focus_user_jid", s.focusUserJid);
    o.set("xmpp", xmpp);
    o.set("uptime_seconds", static_cast<Poco::Int64>(s.uptimeSeconds));
    o.set("focus_loop_latency_ms", std::round(s.loopLatencyMs * 1000.0) / 1000.0);
    // What the operator page (GET /) shows, for scripts.
    o.set("rooms", roomList(s.conferenceList));
    o.set("bridge_list", bridgeList(s.bridgeList));
    Array warnings;
    for (const auto& w : s.recentWarnings) warnings.add(w);
    o.set("recent_warnings", warnings);
    return stringify(o);
}

std::string prometheusText(const FocusStats& s, const VersionInfo& v) {
    Metrics m;
    m.gauge("jitsi_jicofo_conferences", "Conferences of this focus, health-check rooms included.",
            s.conferences);
    m.gauge("jitsi_jicofo_participants", "Participants in every conference.", s.participants);
    m.gauge("jitsi_jicofo_largest_conference", "Participants in the largest conference.",
            s.largestConference);
    m.metric("jitsi_jicofo_conferences_created_total", "counter",
             "Conferences created since the focus started.", std::to_string(s.conferencesCreated));
    m.gauge("jitsi_jicofo_bridge_selector_bridge_count", "Videobridges known to the focus.", s.bridges);
    m.gauge("jitsi_jicofo_bridge_selector_operational_bridge_count",
            "Videobridges that are healthy and did not fail recently.", s.operationalBridges);
    m.gauge("jitsi_jicofo_graceful_shutdown", "1 while a graceful shutdown drains the conferences.",
            s.gracefulShutdown ? 1 : 0);
    const char* xmppHelp = "1 while the XMPP stream is logged in.";
    m.gauge("jitsi_jicofo_xmpp_connected", xmppHelp, s.componentConnected ? 1 : 0, "{stream=\"component\"}");
    m.gauge("jitsi_jicofo_xmpp_connected", xmppHelp, s.clientConnected ? 1 : 0, "{stream=\"focus_user\"}");
    m.gauge("jitsi_jicofo_uptime_seconds", "Seconds since the focus started.", s.uptimeSeconds);
    m.metric("jitsi_jicofo_focus_loop_latency_seconds", "gauge",
             "How long the focus loop took to pick up the metrics request.", seconds(s.loopLatencyMs));
    m.metric("jitsi_jicofo_version_info", "gauge", "The running version.", "1",
             "{version=\"" + label(v.version) + "\"}");
    return m.str();
}

std::string healthJson(const HealthReport& r) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("healthy", r.status == 200);
    o.set("status", r.status);
    Object checks(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& c : r.checks) {
        Object one(Poco::JSON_PRESERVE_KEY_ORDER);
        one.set("ok", c.ok);
        one.set("detail", c.detail);
        checks.set(c.name, one);
    }
    o.set("checks", checks);
    return stringify(o);
}

std::string versionJson(const VersionInfo& v) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("name", v.name);
    o.set("version", v.version);
    if (!v.revision.empty()) o.set("revision", v.revision);
    o.set("os", v.os);
    return stringify(o);
}

}  // namespace jicofo::http
