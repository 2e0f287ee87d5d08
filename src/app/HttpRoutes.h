#pragma once
// The focus's one HTTP server (2015: the embedded Jetty) on org.jitsi.jicofo.auth.jetty.host/port, shared by
// every feature that serves HTTP (health and metrics, the Shibboleth login page): each registers its routes
// before start(), then the table is frozen and read by POCO's worker threads without locks.
//
//   HttpRoutes http(config.httpHost, config.httpPort);
//   http.add("/about/health", [&](const auto&) { return new HealthHandler(...); });
//   http.setFallback([&](const auto&) { return new ShibbolethLoginHandler(create); });  // path not checked
//   if (auto error = http.start()) { /* fatal: *error names host and port */ }
//   ... http.port() (the bound one; port 0 picks a free port) ... http.stop();
//
// Matching: exact path first (query ignored), then the longest registered prefix, then the fallback, else
// 404. Handlers run on HTTP worker threads: anything touching focus state must go through the loop.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace Poco::Net {
class HTTPServer;
}

namespace jicofo::app {

class HttpRoutes {
  public:
    using MakeHandler = std::function<Poco::Net::HTTPRequestHandler*(const Poco::Net::HTTPServerRequest&)>;

    // host: an address or name to bind (config default 127.0.0.1; "0.0.0.0" or "::" = every interface).
    HttpRoutes(std::string host, int port);
    ~HttpRoutes();  // stops the server
    HttpRoutes(const HttpRoutes&) = delete;
    HttpRoutes& operator=(const HttpRoutes&) = delete;

    // Registration is allowed only before start(); a later call is ignored with a warning.
    void add(const std::string& path, MakeHandler make);
    void addPrefix(const std::string& prefix, MakeHandler make);
    void setFallback(MakeHandler make);
    bool empty() const;

    // Binds and starts the worker threads (from main(), docs/architecture.md: threads start there). Returns
    // the reason when the address cannot be bound. Starting with no route at all does nothing (nothing to
    // serve).
    std::optional<std::string> start();
    void stop();
    bool running() const { return server_ != nullptr; }
    uint16_t port() const { return boundPort_; }

    struct Table {
        std::map<std::string, MakeHandler> exact, prefixes;
        MakeHandler fallback;
    };

  private:
    std::string host_;
    int port_;
    uint16_t boundPort_ = 0;
    std::shared_ptr<Table> table_ = std::make_shared<Table>();
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace jicofo::app
