#pragma once
// A child program for integration tests (the focus binary): output to a log file, killed if the test
// process dies, stopped with a signal, exit status available.
#include <signal.h>
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace jicofo::test {

class Subprocess {
  public:
    // Starts argv (argv[0] looked up in PATH when it has no '/') with extra environment NAME=value entries.
    Subprocess(std::vector<std::string> argv, std::string logFile, std::vector<std::string> env = {});
    ~Subprocess();  // SIGKILL if still running
    Subprocess(const Subprocess&) = delete;
    Subprocess& operator=(const Subprocess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();
    // Sends sig and waits up to timeoutMs for the exit; returns the exit code (128+signal when killed by
    // one), nullopt if it did not exit in time.
    std::optional<int> stop(int sig, int timeoutMs = 5000);
    std::optional<int> waitExit(int timeoutMs);
    void kill();
    const std::string& logFile() const { return logFile_; }
    std::string log() const;
    // Waits until the log contains text; false on timeout.
    bool waitForLog(const std::string& text, int timeoutMs = 5000) const;
    // Peak and current resident set from /proc (kB), for benchmarks.
    long rssKb() const;
    // User + system CPU time consumed so far, in ms.
    long cpuMs() const;

  private:
    pid_t pid_ = -1;
    std::optional<int> exit_;
    std::string logFile_;
};

}  // namespace jicofo::test
