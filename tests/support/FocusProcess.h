#pragma once
// The jicofo binary started against a ProsodyFixture with the original command line, for integration tests.
#include <memory>
#include <string>
#include <vector>

#include "support/ProsodyFixture.h"
#include "support/Subprocess.h"

namespace jicofo::test {

class FocusProcess {
  public:
    // extraArgs: more flags or -D properties, e.g. "-Dorg.jitsi.focus.IDLE_TIMEOUT=1000".
    FocusProcess(const ProsodyFixture& prosody, std::vector<std::string> extraArgs = {},
                 bool withPassword = true);
    ~FocusProcess();

    Subprocess& process() { return *process_; }
    // Waits until both streams are logged in (from the focus's log).
    bool waitReady(int timeoutMs = 10000);
    std::string log() const { return process_->log(); }
    static std::vector<std::string> commandLine(const ProsodyFixture& prosody, bool withPassword);

  private:
    std::unique_ptr<Subprocess> process_;
};

}  // namespace jicofo::test
