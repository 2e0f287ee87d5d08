#include "bench/FootprintBench.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "bench/ProcStat.h"
#include "bench/Samples.h"
#include "bench/Smaps.h"
#include "support/FocusProcess.h"
#include "support/Subprocess.h"

namespace jicofo::bench {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// Bytes of a file, or of every regular file under a folder.
std::uintmax_t sizeOnDisk(const std::string& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return fs::file_size(path, ec);
    std::uintmax_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(path, ec))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

// Starts the program and waits for the two log lines of both streams; nullopt when it did not come up.
std::optional<double> startTimed(const test::ProsodyFixture& prosody, const std::string& program,
                                 std::unique_ptr<test::Subprocess>& process, Samples& cpu) {
    static int n = 0;  // a fresh log file per start: the readiness lines of an earlier one must not count
    auto args = test::FocusProcess::commandLine(prosody, true);
    args[0] = program;
    auto t0 = Clock::now();
    process = std::make_unique<test::Subprocess>(
        args, prosody.dir() + "/footprint-" + std::to_string(++n) + ".log");
    while (Clock::now() - t0 < 10s && process->running()) {
        std::string log = process->log();
        if (log.find("is connected") != std::string::npos &&
            log.find("focus user logged in") != std::string::npos) {
            double wall = msBetween(t0, Clock::now());
            cpu.add(procCpuExactMs(process->pid()));
            return wall;
        }
        std::this_thread::sleep_for(1ms);
    }
    std::cerr << program << " did not come up:\n" << process->log() << "\n";
    return std::nullopt;
}

}  // namespace

Table FootprintBench::run(const Program& program) {
    Table table("Issue 11 - footprint of " + program.label);
    Samples startup, startupCpu;
    std::unique_ptr<test::Subprocess> process;
    for (int i = 0; i < options_.startups; ++i) {
        if (process) process->stop(SIGTERM, 5000);  // leaves before the next one logs in
        auto ms = startTimed(prosody_, program.path, process, startupCpu);
        if (!ms) return table;
        startup.add(*ms);
    }
    table.limit("start-up to both streams ready, p50 (" + std::to_string(startup.count()) + " starts)",
                startup.p50(), "ms", 20);
    // On a shared machine the fastest start is the closest to what the program itself costs.
    table.info("start-up to both streams ready, min / max",
               Table::fmt(startup.percentile(0), 1) + " / " + Table::fmt(startup.max(), 1) + " ms");
    table.info("  CPU time the program used until then, p50", startupCpu.p50(), "ms");
    // Idle: logged in, nothing asked yet; allocator and timers settled.
    std::this_thread::sleep_for(1000ms);
    pid_t pid = process->pid();
    table.limit("RSS idle", procRssKb(pid) / 1024.0, "MB", 10);
    table.limit("PSS idle (shared pages divided among their users)", procRollupKb(pid, "Pss") / 1024.0, "MB",
                10);
    table.info("USS idle (private to the process)", procUssKb(pid) / 1024.0, "MB");
    table.info("  anonymous / file-backed RSS", Table::fmt(procStatusKb(pid, "RssAnon") / 1024.0, 2) + " / " +
                                                    Table::fmt(procStatusKb(pid, "RssFile") / 1024.0, 2) +
                                                    " MB, " + std::to_string(procStatusKb(pid, "Threads")) +
                                                    " threads");
    table.info("size on disk (" + program.onDisk + ")", sizeOnDisk(program.onDisk) / 1048576.0, "MB");
    std::uintmax_t mapped = 0;
    auto files = mappedFiles(pid);
    for (const auto& f : files) mapped += sizeOnDisk(f);
    table.info("  files it maps (program, libraries, locale data): " + std::to_string(files.size()),
               mapped / 1048576.0, "MB");
    auto groups = smapsGroups(pid);
    int shown = 0;
    long restRss = 0, restPss = 0;
    for (const auto& g : groups) {
        if (shown++ < options_.topMappings) {
            table.info("  smaps: " + g.name, std::to_string(g.rssKb) + " kB RSS, " + std::to_string(g.pssKb) +
                                                 " kB PSS, " + std::to_string(g.privateKb) + " kB private");
        } else {
            restRss += g.rssKb;
            restPss += g.pssKb;
        }
    }
    table.info(
        "  smaps: " +
            std::to_string(groups.size() - std::min<std::size_t>(groups.size(), options_.topMappings)) +
            " other groups",
        std::to_string(restRss) + " kB RSS, " + std::to_string(restPss) + " kB PSS");
    process->stop(SIGTERM, 5000);
    return table;
}

FootprintBench::Program unpackDistArchive(const std::string& zip) {
    static std::string dir;  // one archive per run; removed at exit
    char tmpl[] = "/tmp/jicofo-bench-dist.XXXXXX";
    if (!mkdtemp(tmpl)) return {};
    dir = tmpl;
    std::atexit([] { std::system(("rm -rf '" + dir + "'").c_str()); });
    if (std::system(("cd '" + dir + "' && unzip -q '" + fs::absolute(zip).string() + "'").c_str()) != 0)
        return {};
    std::string top = dir + "/" + fs::path(zip).stem().string();
    return {fs::path(zip).filename().string() + " (through its jicofo.sh)", top + "/jicofo.sh", top};
}

}  // namespace jicofo::bench
