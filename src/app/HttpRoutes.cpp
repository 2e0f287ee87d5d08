#include "app/HttpRoutes.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include "log/Log.h"

namespace jicofo::app {
namespace {

class NotFound : public Poco::Net::HTTPRequestHandler {
  public:
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override {
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
        response.setContentLength(0);
        response.send();
    }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
  public:
    explicit Factory(std::shared_ptr<const HttpRoutes::Table> table) : table_(std::move(table)) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest& request) override {
        std::string path;
        try {
            path = Poco::URI(request.getURI()).getPath();
        } catch (const Poco::Exception&) {
            return new NotFound;  // not even a URI: nobody's route
        }
        if (auto it = table_->exact.find(path); it != table_->exact.end()) return it->second(request);
        // Longest prefix: the map is ordered, so walk back from the first key after path.
        for (auto it = table_->prefixes.upper_bound(path); it != table_->prefixes.begin();) {
            --it;
            if (path.compare(0, it->first.size(), it->first) == 0) return it->second(request);
        }
        if (table_->fallback) return table_->fallback(request);
        return new NotFound;
    }

  private:
    std::shared_ptr<const HttpRoutes::Table> table_;
};

}  // namespace

HttpRoutes::HttpRoutes(std::string host, int port) : host_(std::move(host)), port_(port) {}

HttpRoutes::~HttpRoutes() {
    stop();
}

void HttpRoutes::add(const std::string& path, MakeHandler make) {
    if (server_) {
        JLOG(warning) << "HTTP route " << path << " registered after start, ignored";
        return;
    }
    table_->exact[path] = std::move(make);
}

void HttpRoutes::addPrefix(const std::string& prefix, MakeHandler make) {
    if (server_) {
        JLOG(warning) << "HTTP prefix " << prefix << " registered after start, ignored";
        return;
    }
    table_->prefixes[prefix] = std::move(make);
}

void HttpRoutes::setFallback(MakeHandler make) {
    if (server_) {
        JLOG(warning) << "HTTP fallback registered after start, ignored";
        return;
    }
    table_->fallback = std::move(make);
}

bool HttpRoutes::empty() const {
    return table_->exact.empty() && table_->prefixes.empty() && !table_->fallback;
}

std::optional<std::string> HttpRoutes::start() {
    if (server_ || empty()) return std::nullopt;
    std::string where = host_ + ":" + std::to_string(port_);
    try {
        Poco::Net::SocketAddress address(host_, static_cast<uint16_t>(port_));
        // SO_REUSEADDR (a restart right after a stop binds again) but not SO_REUSEPORT, which POCO's
        // ServerSocket(address) also sets: with it a second focus on the same port would share it silently.
        Poco::Net::ServerSocket socket;
        socket.bind(address, true, false);
        socket.listen();
        boundPort_ = socket.address().port();
        auto params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(8);
        server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(table_), socket, params);
        server_->start();
    } catch (const Poco::Exception& e) {
        server_.reset();
        return "cannot serve HTTP on " + where + ": " + e.displayText();
    }
    JLOG(info) << "HTTP server listening on " << host_ << " port " << boundPort_;
    return std::nullopt;
}

void HttpRoutes::stop() {
    if (!server_) return;
    server_->stopAll(true);
    server_.reset();
}

}  // namespace jicofo::app
