#pragma once
// The browser tests' handle on Debian's headless Chromium: runs tests/browser/driver.mjs under node with a
// pipe each way and sends it one JSON command per call (the protocol is described there). Each call waits for
// the answer, at most the command's own timeout plus a margin, and throws std::runtime_error with the
// driver's error text when a command fails. The driver's stderr (the pages' console errors) goes to logFile.
//
//   BrowserDriver browser(prosody.dir() + "/browser.log");
//   browser.open("a", url);
//   auto summary = browser.waitFor("a", "demo.summary().joined && demo.summary()", 30000);
//   browser.screenshot("a", path, 1200, 760);
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <sys/types.h>

#include <string>

namespace jicofo::test {

class BrowserDriver {
  public:
    // Starts node and Chromium; throws when either cannot start (the message says what to install).
    explicit BrowserDriver(std::string logFile);
    ~BrowserDriver();  // quits the browser; SIGKILL if the driver does not exit in 10 s
    BrowserDriver(const BrowserDriver&) = delete;
    BrowserDriver& operator=(const BrowserDriver&) = delete;

    // Where driver.mjs is, and whether node, Chromium and the npm packages are all there.
    static std::string driverPath();
    static std::string missingDependency();  // empty when everything is installed

    const std::string& browserVersion() const { return version_; }
    std::string log() const;

    void open(const std::string& page, const std::string& url);
    Poco::Dynamic::Var eval(const std::string& page, const std::string& js);
    // Polls js (every 100 ms) until it is truthy and returns its value.
    Poco::Dynamic::Var waitFor(const std::string& page, const std::string& js, int timeoutMs);
    void screenshot(const std::string& page, const std::string& path, int width, int height);
    void close(const std::string& page);

  private:
    Poco::Dynamic::Var call(Poco::JSON::Object& command, int timeoutMs);
    std::string readLine(int timeoutMs);

    std::string logFile_, version_, buffered_;
    pid_t pid_ = -1;
    int toDriver_ = -1, fromDriver_ = -1;
};

}  // namespace jicofo::test
