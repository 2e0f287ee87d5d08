#pragma once
// Helpers for the operation tests (health, stats, metrics, graceful shutdown, daemon): the focus's HTTP port
// from its log, HTTP requests to it, and the stats as JSON.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <regex>

#include "integration/FocusHarness.h"
#include "unit/http/HttpTestUtil.h"

namespace jicofo::test {

// The port the focus logged ("HTTP server listening on 127.0.0.1 port N"); 0 when it did not in time.
inline uint16_t httpPortOf(const std::string& logText) {
    static const std::regex re("HTTP server listening on \\S+ port ([0-9]+)");
    std::smatch m;
    if (!std::regex_search(logText, m, re)) return 0;
    return static_cast<uint16_t>(std::stoi(m[1]));
}

inline uint16_t waitHttpPort(FocusProcess& focus, int timeoutMs = 5000) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
        if (auto port = httpPortOf(focus.log())) return port;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
}

inline Poco::JSON::Object::Ptr parseJson(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

// A focus test with HTTP: http(path) asks the running focus.
class OperationTest : public FocusTest {
  protected:
    FocusProcess& startFocusWithHttp(std::vector<std::string> extra = {}) {
        auto& f = startFocus(std::move(extra));
        port_ = waitHttpPort(f);
        EXPECT_NE(port_, 0) << f.log();
        return f;
    }
    HttpReply http(const std::string& path, const std::string& method = "GET") {
        return httpRequest(port_, method, path);
    }
    Poco::JSON::Object::Ptr stats() { return parseJson(http("/stats").body); }
    // Waits until the focus has found an operational bridge (discovery runs when its user logs in).
    bool waitOperationalBridge(std::chrono::milliseconds timeout = std::chrono::milliseconds(10000)) {
        auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end) {
            if (stats()->getValue<int>("operational_bridges") > 0) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
    uint16_t port_ = 0;
};

}  // namespace jicofo::test
