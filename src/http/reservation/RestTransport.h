#pragma once
// Blocking HTTP calls to the reservation API, each with its own connection and a deadline (connect, send
// and the whole answer), so a slow or stuck API costs at most `timeout` per call. Worker threads only;
// never call this on the focus loop. Thread-safe (no shared state besides the immutable settings).
//
//   RestTransport api(Poco::URI("http://127.0.0.1:8080/api"), std::chrono::seconds(10));
//   RestAnswer a = api.call("POST", "/conference", formBody);   // a.status, a.body, or a.failure
#include <Poco/URI.h>

#include <chrono>
#include <string>

namespace jicofo::http::reservation {

struct RestAnswer {
    int status = 0;       // HTTP status when the call went through
    std::string body;     // at most kMaxBody bytes
    std::string failure;  // I/O error, timeout, over-long body: then status is 0
    bool ok() const { return failure.empty(); }
};

class RestTransport {
  public:
    static constexpr size_t kMaxBody = 1 << 20;

    // base: http://host[:port][/path]; a trailing '/' is ignored.
    RestTransport(const Poco::URI& base, std::chrono::milliseconds timeout);

    // method GET/POST/DELETE; path appended to the base path; a non-empty form body is sent as
    // application/x-www-form-urlencoded; charset=UTF-8.
    RestAnswer call(const std::string& method, const std::string& path, const std::string& form = {}) const;

    std::chrono::milliseconds timeout() const { return timeout_; }

  private:
    std::string host_;
    unsigned short port_;
    std::string basePath_;
    std::chrono::milliseconds timeout_;
};

}  // namespace jicofo::http::reservation
