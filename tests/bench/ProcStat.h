#pragma once
// CPU time and resident memory of any process from /proc (the focus and the bridge simulator are our
// children; Prosody is the fixture's).
#include <sys/types.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace jicofo::bench {

// User + system CPU time in ms; -1 when the process is gone.
inline long procCpuMs(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) stime = std::stol(field);
    }
    return (utime + stime) * 1000 / sysconf(_SC_CLK_TCK);
}

// Time the process has run on a CPU, in ms with ns resolution (/proc/PID/schedstat); -1 when gone. Unlike
// wall time it hardly depends on what else the machine is doing.
inline double procCpuExactMs(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/schedstat");
    long long ns = -1;
    if (!(in >> ns)) return -1;
    return static_cast<double>(ns) / 1e6;
}

// A "Name:   N kB" line of /proc/PID/status (VmRSS, VmHWM, RssAnon...); -1 when absent.
inline long procStatusKb(pid_t pid, const std::string& name) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(name + ":", 0) == 0) return std::stol(line.substr(name.size() + 1));
    return -1;
}

// A "Name: N kB" line of /proc/PID/smaps_rollup (Pss, Private_Clean, Private_Dirty...); -1 when absent.
inline long procRollupKb(pid_t pid, const std::string& name) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(name + ":", 0) == 0) return std::stol(line.substr(name.size() + 1));
    return -1;
}

// Unique set size: pages only this process maps (what stopping it would give back).
inline long procUssKb(pid_t pid) {
    return procRollupKb(pid, "Private_Clean") + procRollupKb(pid, "Private_Dirty");
}

// The first line of /proc/loadavg (other jobs on the machine skew every figure).
inline std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

inline long procRssKb(pid_t pid) {
    return procStatusKb(pid, "VmRSS");
}

}  // namespace jicofo::bench
