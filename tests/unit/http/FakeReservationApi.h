#pragma once
// A scripted reservation REST API on a real local HTTP server (docs/protocol.md §6.7): answers per
// "METHOD /path" (after the /api base), optionally late, and records every request it saw.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "unit/http/HttpTestUtil.h"

namespace jicofo::test {

class FakeReservationApi {
  public:
    struct Reply {
        int status = 200;
        std::string body;
        std::chrono::milliseconds delay{0};
    };
    struct Seen {
        std::string method, path, body, contentType;
    };

    FakeReservationApi() {
        server_ = std::make_unique<LocalHttpServer>([this] {
            return new LambdaHandler([this](Poco::Net::HTTPServerRequest& req,
                                            Poco::Net::HTTPServerResponse& resp) { serve(req, resp); });
        });
    }
    // A handler still sleeping on a delay must not outlive us: wake it and wait for it.
    ~FakeReservationApi() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        cv_.notify_all();
        server_.reset();
        std::unique_lock<std::mutex> lock(mutex_);
        cv_.wait(lock, [&] { return active_ == 0; });
    }

    std::string base() const { return server_->baseUrl("/api"); }
    void on(const std::string& method, const std::string& path, Reply reply) {
        std::lock_guard<std::mutex> lock(mutex_);
        replies_[method + " " + path] = std::move(reply);
    }
    std::vector<Seen> seen() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return seen_;
    }
    size_t count(const std::string& method, const std::string& path) const {
        std::lock_guard<std::mutex> lock(mutex_);
        size_t n = 0;
        for (const auto& s : seen_) n += s.method == method && s.path == path;
        return n;
    }
    // Waits until `method path` was seen n times.
    bool waitFor(const std::string& method, const std::string& path, size_t n,
                 std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
        std::unique_lock<std::mutex> lock(mutex_);
        return cv_.wait_for(lock, timeout, [&] {
            size_t k = 0;
            for (const auto& s : seen_) k += s.method == method && s.path == path;
            return k >= n;
        });
    }

  private:
    void serve(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) {
        std::string body;
        Poco::StreamCopier::copyToString(req.stream(), body);
        std::string path = req.getURI().substr(4);  // strip "/api"
        Reply reply{404, R"({"error":"not_found","message":"no such call"})"};
        {
            std::unique_lock<std::mutex> lock(mutex_);
            ++active_;
            seen_.push_back({req.getMethod(), path, body, req.getContentType()});
            auto it = replies_.find(req.getMethod() + " " + path);
            if (it != replies_.end()) reply = it->second;
            cv_.notify_all();
            cv_.wait_for(lock, reply.delay, [&] { return stopping_; });
        }
        try {
            resp.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
            resp.setContentType("application/json");
            resp.sendBuffer(reply.body.data(), reply.body.size());
        } catch (...) {
            // The client gave up (timeout): nothing to tell it.
        }
        std::lock_guard<std::mutex> lock(mutex_);
        --active_;
        cv_.notify_all();
    }

    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::map<std::string, Reply> replies_;
    std::vector<Seen> seen_;
    bool stopping_ = false;
    int active_ = 0;
    std::unique_ptr<LocalHttpServer> server_;
};

}  // namespace jicofo::test
