#pragma once
// Helpers for the HTTP tests: a real POCO HTTP server on 127.0.0.1 port 0 driven by a lambda, a real
// EventLoop on its own thread, and a small blocking client.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "util/EventLoop.h"

namespace jicofo::test {

// An HTTP server whose handlers the test supplies. Each request gets a fresh handler from makeHandler.
class LocalHttpServer {
  public:
    using MakeHandler = std::function<Poco::Net::HTTPRequestHandler*()>;

    explicit LocalHttpServer(MakeHandler makeHandler) {
        auto params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(8);
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
        port_ = socket.address().port();
        server_ =
            std::make_unique<Poco::Net::HTTPServer>(new Factory(std::move(makeHandler)), socket, params);
        server_->start();
    }
    ~LocalHttpServer() { server_->stopAll(true); }

    unsigned short port() const { return port_; }
    std::string baseUrl(const std::string& path = {}) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

  private:
    struct Factory : Poco::Net::HTTPRequestHandlerFactory {
        explicit Factory(MakeHandler m) : make(std::move(m)) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
            return make();
        }
        MakeHandler make;
    };
    unsigned short port_ = 0;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

// A handler made from a lambda.
class LambdaHandler : public Poco::Net::HTTPRequestHandler {
  public:
    using Fn = std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)>;
    explicit LambdaHandler(Fn fn) : fn_(std::move(fn)) {}
    void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
        fn_(req, resp);
    }

  private:
    Fn fn_;
};

// The real focus loop on a thread of its own.
class LoopThread {
  public:
    LoopThread() : thread_([this] { loop.run(); }) {}
    ~LoopThread() { stop(); }
    void stop() {
        if (!thread_.joinable()) return;
        loop.stop();
        thread_.join();
    }
    // Runs fn on the loop and returns its result (test thread only).
    template <typename F>
    auto sync(F fn) -> decltype(fn()) {
        std::packaged_task<decltype(fn())()> task(std::move(fn));
        auto result = task.get_future();
        loop.post([&task] { task(); });
        return result.get();
    }
    util::EventLoop loop;

  private:
    std::thread thread_;
};

struct HttpReply {
    int status = 0;
    std::string body;
    std::string contentType;
    std::map<std::string, std::string> headers;
};

inline HttpReply httpRequest(unsigned short port, const std::string& method, const std::string& uri,
                             const std::map<std::string, std::string>& headers = {}) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [k, v] : headers) request.set(k, v);
    if (method == "POST") request.setContentLength(0);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpReply r;
    Poco::StreamCopier::copyToString(in, r.body);
    r.status = static_cast<int>(response.getStatus());
    r.contentType = response.getContentType();
    for (const auto& [k, v] : response) r.headers[k] = v;
    return r;
}

}  // namespace jicofo::test
