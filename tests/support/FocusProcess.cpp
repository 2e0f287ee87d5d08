#include "support/FocusProcess.h"

#include <chrono>
#include <thread>

namespace jicofo::test {

std::vector<std::string> FocusProcess::commandLine(const ProsodyFixture& p, bool withPassword) {
    std::vector<std::string> args = {
        std::string(JICOFO_BINARY_DIR) + "/jicofo", "-Dorg.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=true",
        "-Dorg.jitsi.jicofo.FOCUS_USER_PORT=" + std::to_string(p.c2sPort()),
        // No operator's properties file leaks into a test.
        "-Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=" + p.dir(), "--host=" + p.host(),
        "--port=" + std::to_string(p.componentPort()), "--domain=" + p.domain(),
        "--secret=" + p.focusSecret(), "--user_domain=" + p.authDomain(), "--user_name=" + p.focusUser(),
        // HTTP (health, stats) on a free loopback port: focuses of concurrent test runs never share 8888.
        "-Dorg.jitsi.jicofo.auth.jetty.host=127.0.0.1", "-Dorg.jitsi.jicofo.auth.jetty.port=0"};
    if (withPassword) args.push_back("--user_password=" + p.focusPassword());
    return args;
}

FocusProcess::FocusProcess(const ProsodyFixture& prosody, std::vector<std::string> extraArgs,
                           bool withPassword) {
    auto args = commandLine(prosody, withPassword);
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());  // later flags win
    static int counter = 0;
    std::string logFile = prosody.dir() + "/jicofo-" + std::to_string(++counter) + ".log";
    process_ = std::make_unique<Subprocess>(args, logFile);
}

FocusProcess::~FocusProcess() {
    process_->stop(SIGTERM, 5000);
}

bool FocusProcess::waitReady(int timeoutMs) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
        std::string log = process_->log();
        if (log.find("is connected") != std::string::npos &&
            log.find("focus user logged in") != std::string::npos)
            return true;
        if (!process_->running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

}  // namespace jicofo::test
