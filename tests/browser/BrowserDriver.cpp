#include "browser/BrowserDriver.h"

#include <Poco/JSON/Parser.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace jicofo::test {
namespace {

using Clock = std::chrono::steady_clock;

bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    return false;
}

std::string chromiumPath() {
    const char* env = std::getenv("JICOFO_CHROMIUM");
    return env ? env : "/usr/bin/chromium";
}

}  // namespace

std::string BrowserDriver::driverPath() {
    return JICOFO_SOURCE_DIR "/tests/browser/driver.mjs";
}

std::string BrowserDriver::missingDependency() {
    std::string dir = JICOFO_SOURCE_DIR "/tests/browser/";
    if (!onPath("node")) return "node is not installed (installers/install-deps.sh installs it)";
    if (access(chromiumPath().c_str(), X_OK) != 0)
        return chromiumPath() + " is not installed (installers/install-deps.sh installs Debian's chromium)";
    for (const char* f : {"node_modules/playwright-core/package.json",
                          "node_modules/lib-jitsi-meet-dist/dist/lib-jitsi-meet.min.js",
                          "vendor/lib-jitsi-meet-2.6726.2/lib-jitsi-meet.min.js"})
        if (!std::filesystem::exists(dir + f))
            return dir + f + " is missing (tests/browser/install.sh, run by installers/install-deps.sh)";
    return {};
}

BrowserDriver::BrowserDriver(std::string logFile) : logFile_(std::move(logFile)) {
    if (auto missing = missingDependency(); !missing.empty()) throw std::runtime_error(missing);
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    std::string node = "node", script = driverPath();
    pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        // Only async-signal-safe calls between fork and exec.
        int log = ::open(logFile_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(in[0], 0);
        dup2(out[1], 1);
        if (log >= 0) dup2(log, 2);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
        char* argv[] = {node.data(), script.data(), nullptr};
        execvp(argv[0], argv);
        _exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    toDriver_ = in[1];
    fromDriver_ = out[0];
    signal(SIGPIPE, SIG_IGN);  // a dead driver shows as a failed write, not a dead test
    // The driver answers once on its own: the browser's version, or why it could not start.
    auto hello = Poco::JSON::Parser().parse(readLine(60000)).extract<Poco::JSON::Object::Ptr>();
    if (!hello->getValue<bool>("ok"))
        throw std::runtime_error("the browser did not start: " + hello->getValue<std::string>("error"));
    version_ = hello->getValue<std::string>("value");
}

BrowserDriver::~BrowserDriver() {
    if (pid_ <= 0) return;
    try {
        Poco::JSON::Object quit;
        quit.set("cmd", "quit");
        call(quit, 10000);
    } catch (const std::exception&) {
    }
    ::close(toDriver_);
    ::close(fromDriver_);
    auto until = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < until) {
        if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
}

std::string BrowserDriver::log() const {
    std::ifstream in(logFile_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string BrowserDriver::readLine(int timeoutMs) {
    auto until = Clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        if (auto nl = buffered_.find('\n'); nl != std::string::npos) {
            std::string line = buffered_.substr(0, nl);
            buffered_.erase(0, nl + 1);
            return line;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0) throw std::runtime_error("the browser driver did not answer in time");
        pollfd p{fromDriver_, POLLIN, 0};
        int r = poll(&p, 1, static_cast<int>(left));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) continue;
        char buf[65536];
        ssize_t n = read(fromDriver_, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("the browser driver exited; its log:\n" + log());
        buffered_.append(buf, static_cast<size_t>(n));
    }
}

Poco::Dynamic::Var BrowserDriver::call(Poco::JSON::Object& command, int timeoutMs) {
    std::ostringstream text;
    command.stringify(text);
    std::string line = text.str() + "\n";
    for (size_t done = 0; done < line.size();) {
        ssize_t n = write(toDriver_, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("the browser driver is gone; its log:\n" + log());
        done += static_cast<size_t>(n);
    }
    auto answer = Poco::JSON::Parser().parse(readLine(timeoutMs)).extract<Poco::JSON::Object::Ptr>();
    if (!answer->getValue<bool>("ok"))
        throw std::runtime_error(command.getValue<std::string>("cmd") +
                                 " failed: " + answer->getValue<std::string>("error"));
    return answer->get("value");
}

void BrowserDriver::open(const std::string& page, const std::string& url) {
    Poco::JSON::Object c;
    c.set("cmd", "open");
    c.set("page", page);
    c.set("url", url);
    call(c, 40000);
}

Poco::Dynamic::Var BrowserDriver::eval(const std::string& page, const std::string& js) {
    Poco::JSON::Object c;
    c.set("cmd", "eval");
    c.set("page", page);
    c.set("js", js);
    return call(c, 30000);
}

Poco::Dynamic::Var BrowserDriver::waitFor(const std::string& page, const std::string& js, int timeoutMs) {
    Poco::JSON::Object c;
    c.set("cmd", "waitFor");
    c.set("page", page);
    c.set("js", js);
    c.set("timeoutMs", timeoutMs);
    return call(c, timeoutMs + 10000);
}

void BrowserDriver::screenshot(const std::string& page, const std::string& path, int width, int height) {
    Poco::JSON::Object c;
    c.set("cmd", "screenshot");
    c.set("page", page);
    c.set("path", path);
    c.set("width", width);
    c.set("height", height);
    call(c, 30000);
}

void BrowserDriver::close(const std::string& page) {
    Poco::JSON::Object c;
    c.set("cmd", "close");
    c.set("page", page);
    call(c, 30000);
}

}  // namespace jicofo::test
