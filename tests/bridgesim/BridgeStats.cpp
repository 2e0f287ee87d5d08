#include "bridgesim/BridgeStats.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace jicofo::bridgesim {

namespace {

// jvb wrote "yyyy-MM-dd HH:mm:ss.SSS".
std::string timestamp() {
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::ostringstream out;
    out << std::put_time(&tm, "%Y-%m-%d %H:%M:%S") << '.' << std::setw(3) << std::setfill('0') << ms;
    return out.str();
}

// Megabytes, as jvb reported them; 0 when /proc is not there.
long usedMemoryMb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    if (!(statm >> pages >> resident)) return 0;
    return resident * sysconf(_SC_PAGESIZE) / (1024 * 1024);
}

long totalMemoryMb() {
    return sysconf(_SC_PHYS_PAGES) / (1024 * 1024 / sysconf(_SC_PAGESIZE));
}

long threadCount() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Threads:", 0) == 0) return std::stol(line.substr(8));
    return 1;
}

LiveChannel liveRtp(const SimConference& conf, const SimContent& content, const SimRtpChannel& c) {
    LiveChannel l;
    l.id = c.id;
    l.content = content.name;
    l.endpoint = c.endpoint;
    l.bundleId = c.bundleId;
    l.direction = c.direction;
    l.expire = c.expireSeconds;
    l.bridgeSsrc = content.bridgeSsrc;
    for (const auto& s : c.sources) l.ssrcs.push_back(*s.ssrc);
    for (const auto& g : c.groups) {
        std::string text = g.semantics + ":";
        for (size_t i = 0; i < g.ssrcs.size(); ++i) text += (i ? "," : "") + std::to_string(g.ssrcs[i]);
        l.groups.push_back(text);
    }
    l.simulcastLayers = c.simulcastLayers();
    for (const auto& pt : c.payloadTypes) l.payloadTypes.push_back(pt.id);
    l.lastN = c.lastN;
    l.remoteCandidates = c.remote ? c.remote->candidates.size() : 0;
    l.media = conf.hasMedia(c);
    return l;
}

LiveChannel liveSctp(const SimConference& conf, const SimContent& content, const SimSctpConnection& s) {
    LiveChannel l;
    l.sctp = true;
    l.id = s.id;
    l.content = content.name;
    l.endpoint = s.endpoint;
    l.bundleId = s.bundleId;
    l.expire = s.expireSeconds;
    l.port = s.port;
    l.remoteCandidates = s.remote ? s.remote->candidates.size() : 0;
    l.media = conf.hasMedia(s);
    return l;
}

}  // namespace

colibri::Stats collectStats(const ColibriBridge& bridge) {
    size_t audio = 0, video = 0, channels = 0, participants = 0, videostreams = 0;
    for (const SimConference* conf : bridge.conferences()) {
        channels += conf->channelCount();
        participants += conf->endpoints().size();
        for (const auto& content : conf->contents) {
            if (content.name == "audio") audio += content.channels.size();
            if (content.name != "video") continue;
            size_t n = content.channels.size();
            video += n;
            for (const auto& c : content.channels) {
                size_t others = n - 1;
                if (c.lastN && *c.lastN >= 0) others = std::min(others, static_cast<size_t>(*c.lastN));
                videostreams += others;
            }
        }
    }
    colibri::Stats s;
    s.set("audiochannels", std::to_string(audio));
    s.set("bitrate_download", "0");
    s.set("bitrate_upload", "0");
    s.set("channels", std::to_string(channels));
    s.set("conferences", std::to_string(bridge.conferenceCount()));
    s.set("cpu_usage", "0.0");
    s.set("current_timestamp", timestamp());
    s.set("graceful_shutdown", bridge.gracefulShutdown() ? "true" : "false");
    s.set("participants", std::to_string(participants));
    s.set("rtp_loss", "0.0");
    s.set("threads", std::to_string(threadCount()));
    s.set("total_memory", std::to_string(totalMemoryMb()));
    s.set("used_memory", std::to_string(usedMemoryMb()));
    s.set("videochannels", std::to_string(video));
    s.set("videostreams", std::to_string(videostreams));
    return s;
}

LiveListing snapshot(const ColibriBridge& bridge) {
    LiveListing listing;
    for (const SimConference* conf : bridge.conferences()) {
        LiveConference& lc = listing.conferences.emplace_back();
        lc.id = conf->id;
        lc.name = conf->name;
        lc.focus = conf->focus.str();
        for (const auto& content : conf->contents) {
            for (const auto& c : content.channels) lc.channels.push_back(liveRtp(*conf, content, c));
            for (const auto& s : content.sctpConnections) lc.channels.push_back(liveSctp(*conf, content, s));
        }
        for (const auto& b : conf->bundles) {
            LiveBundle& lb = lc.bundles.emplace_back();
            lb.id = b.id;
            lb.ufrag = b.local.ufrag;
            if (b.remote) {
                lb.remoteUfrag = b.remote->ufrag;
                lb.remoteCandidates = b.remote->candidates.size();
            }
        }
    }
    return listing;
}

xml::Element statsAnswer(const ColibriBridge& bridge) {
    xml::Element e = collectStats(bridge).toElement();
    e.addChild(snapshot(bridge).toElement());
    return e;
}

}  // namespace jicofo::bridgesim
