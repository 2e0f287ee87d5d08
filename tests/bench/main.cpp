// jicofo_bench: the figures of issues 3 (foundation), 4 (media) and 11 (footprint), measured against a real
// Prosody with the jicofo binary and the bridge simulator as their own processes. Not a test: it prints
// tables with the targets next to the figures. Run from the build tree:
//   tests/bench/jicofo_bench [--only=footprint|focus|media|media2|scale|restarts|bridge-kill|soak] ...
#include <sys/resource.h>
#include <unistd.h>

#include <boost/log/core.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "bench/FocusBench.h"
#include "bench/FootprintBench.h"
#include "bench/LoadBench.h"
#include "bench/MediaBench.h"
#include "bench/ProcStat.h"
#include "bench/ProsodyBaseline.h"
#include "support/ProsodyFixture.h"

using namespace jicofo;

namespace {

std::string shell(const std::string& command) {
    std::string out;
    if (FILE* f = popen(command.c_str(), "r")) {
        char buf[256];
        while (fgets(buf, sizeof buf, f)) out += buf;
        pclose(f);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out.empty() ? "?" : out;
}

const char* kUsage = R"(usage: jicofo_bench [OPTIONS]
  --only=footprint|focus|media|media2|scale|restarts|bridge-kill|soak
                        run only the issue 11 (footprint), 3 (focus), 4 (media) or 13 (media through a
                        Colibri2 bridge in the brewery) part, or one part of the issue 10 load generator
                        (never run by default: they take minutes)
  --smaps-top=N         smaps groups listed in the footprint part (12)
  --focus=PATH          footprint of this program instead of build/jicofo (e.g. an older build)
  --dist=ZIP            footprint of this dist archive's program too (default: the newest
                        dist/linux/jicofo-linux-x64-*.zip of the source tree, if any; --dist=none: no archive)
  --rooms=N             rooms created concurrently in the focus part (200)
  --in-flight=N         conference IQs outstanding at a time (20)
  --clients=N           clients sharing them, pipelining (5)
  --startups=N          focus start-ups timed (5)
  --conferences=N       conferences in the media part (100)
  --participants=N      participants per conference (4)
  --media-in-flight=N   conferences being set up at a time (10)
  --connect-threads=N   parallel client log-ins before the media part (4)
  --caps=on|off         media part: the clients send XEP-0115 caps (on) or not (off: the focus asks each
                        for disco#info, as the 2015 focus asked every client)
load generator (--only=scale|restarts|bridge-kill|soak):
  --rooms=N             rooms (500; the focus part's own --rooms otherwise)
  --per-room=N          participants per room (8)
  --ramp-per-s=N        participants started per second (100)
  --load-workers=N      rooms being set up at a time (64)
  --restarts=N          Prosody restarts in the restarts part (20)
  --health-check-ms=N   the focus's bridge health check interval (its default, 10 s; 1000 when
                        killing a bridge; 3600000 to keep a slow Prosody from failing the bridge)
  --minutes=N           soak duration (1)
  --soak-workers=N      rooms in flight during the soak (6)
  --help
)";

// The newest lin64 archive dist/build.sh wrote, or "".
std::string newestLin64Archive() {
    namespace fs = std::filesystem;
    std::string newest;
    fs::file_time_type when{};
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(JICOFO_SOURCE_DIR "/dist/linux", ec)) {
        std::string name = e.path().filename().string();
        if (name.rfind("jicofo-linux-x64-", 0) == 0 && e.path().extension() == ".zip" &&
            (newest.empty() || e.last_write_time() > when)) {
            newest = e.path().string();
            when = e.last_write_time();
        }
    }
    return newest;
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> flags;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        }
        auto eq = a.find('=');
        if (a.rfind("--", 0) != 0 || eq == std::string::npos) {
            std::cerr << "bad argument " << a << "\n" << kUsage;
            return 2;
        }
        flags[a.substr(2, eq - 2)] = a.substr(eq + 1);
    }
    auto number = [&](const std::string& name, int def) {
        auto it = flags.find(name);
        if (it == flags.end()) return def;
        flags.erase(it);  // what is left at the end is unknown
        try {
            int v = std::stoi(it->second);
            if (v > 0) return v;
        } catch (const std::exception&) {
        }
        std::cerr << "--" << name << " needs a positive number\n";
        std::exit(2);
    };
    bool load = false;
    for (const char* part : {"scale", "restarts", "bridge-kill", "soak"})
        load = load || (flags.count("only") && flags["only"] == part);
    bench::LoadBench::Options lo;
    bench::FocusBench::Options fo;
    (load ? lo.rooms : fo.rooms) = number("rooms", load ? lo.rooms : fo.rooms);
    lo.perRoom = number("per-room", lo.perRoom);
    lo.rampPerS = number("ramp-per-s", lo.rampPerS);
    lo.workers = number("load-workers", lo.workers);
    lo.restarts = number("restarts", lo.restarts);
    lo.healthCheckMs = number("health-check-ms", lo.healthCheckMs);
    lo.minutes = number("minutes", lo.minutes);
    lo.soakWorkers = number("soak-workers", lo.soakWorkers);
    fo.inFlight = number("in-flight", fo.inFlight);
    fo.clients = number("clients", fo.clients);
    fo.startups = number("startups", fo.startups);
    bench::MediaBench::Options mo;
    mo.conferences = number("conferences", mo.conferences);
    mo.participants = number("participants", mo.participants);
    mo.inFlight = number("media-in-flight", mo.inFlight);
    mo.connectThreads = number("connect-threads", mo.connectThreads);
    bench::FootprintBench::Options po;
    po.startups = fo.startups;
    po.topMappings = number("smaps-top", po.topMappings);
    auto text = [&](const std::string& name, const std::string& def) {
        auto it = flags.find(name);
        if (it == flags.end()) return def;
        std::string v = it->second;
        flags.erase(it);
        return v;
    };
    std::string only = text("only", "");
    mo.caps = text("caps", "on") != "off";
    std::string focusProgram = text("focus", JICOFO_BINARY_DIR "/jicofo");
    std::string distZip = text("dist", newestLin64Archive());
    if (!flags.empty() || (!only.empty() && only != "footprint" && only != "focus" && only != "media" &&
                           only != "media2" && !load)) {
        std::cerr << "unknown flag or --only value\n" << kUsage;
        return 2;
    }

    // Thousands of clients: one socket and one thread each here, one socket each in the Prosody started
    // below (it inherits the limit).
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    getrlimit(RLIMIT_NOFILE, &files);

    std::cout << "jicofo_bench\n"
              << "  revision: " << shell("git -C " JICOFO_SOURCE_DIR " describe --always --dirty 2>/dev/null")
              << "\n  machine:  " << sysconf(_SC_NPROCESSORS_ONLN) << " cores (nproc), "
              << shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'") << "\n"
              << "  build:    " << JICOFO_BENCH_BUILD_TYPE
              << "; focus " JICOFO_BINARY_DIR
                 "/jicofo with the original command line (+ MAX_CONFERENCES_PER_JID=0 in the focus part)\n"
              << "  prosody:  " << shell("dpkg-query -W -f '${Version}' prosody 2>/dev/null")
              << " on loopback\n"
              << "  load:     " << bench::loadAverage() << " (1/5/15 min) at start\n"
              << "  files:    " << files.rlim_cur
              << " open files allowed (RLIMIT_NOFILE, Prosody inherits it)\n";
    std::cout.flush();

    // The test clients log through the project's Boost.Log; the tables are the output here.
    boost::log::core::get()->set_logging_enabled(false);
    test::ProsodyFixture prosody;
    std::cout << "  prosody:  "
              << shell("grep 'Max open files' /proc/" + std::to_string(prosody.pid()) + "/limits | tr -s ' '")
              << "\n";
    bench::prosodyBaseline(prosody).print(std::cout);
    if (only.empty() || only == "footprint") {
        bench::FootprintBench footprint(prosody, po);
        footprint.run({focusProgram, focusProgram, focusProgram}).print(std::cout);
        if (distZip.empty() || distZip == "none")
            std::cout
                << "\n(no lin64 dist archive: build one with dist/build.sh lin64, or give --dist=ZIP)\n";
        else if (auto dist = bench::unpackDistArchive(distZip); !dist.path.empty())
            footprint.run(dist).print(std::cout);
        else
            std::cerr << "cannot unpack " << distZip << "\n";
    }
    if (only.empty() || only == "focus") bench::FocusBench(prosody, fo).run().print(std::cout);
    if (only.empty() || only == "media") bench::MediaBench(prosody, mo).run().print(std::cout);
    if (only.empty() || only == "media2") {
        mo.colibri2 = true;
        bench::MediaBench(prosody, mo).run().print(std::cout);
    }
    bench::LoadBench loadBench(prosody, lo);
    if (only == "scale") loadBench.scale().print(std::cout);
    if (only == "restarts") loadBench.restarts().print(std::cout);
    if (only == "bridge-kill") loadBench.bridgeKill().print(std::cout);
    if (only == "soak") loadBench.soak().print(std::cout);
    std::cout << "\nload at the end: " << bench::loadAverage() << " (1/5/15 min)\n";
    return 0;
}
