#pragma once
// The operator's endpoints on the focus's HTTP port (app/HttpRoutes serves them):
//   GET /                        the operator page (http/OperatorPage.h): HTML, refreshing itself
//   GET /about/health            the full check (docs/protocol.md §6.6): 200 / 500 / 503 with a JSON body
//                                 saying what was checked and what failed
//   GET /about/health?liveness   cheap liveness (also /about/alive): the loop turns; no XMPP traffic
//   GET /about/version           {"name","version","revision","os"}
//   GET /stats                   JSON statistics
//   GET /metrics                 Prometheus text
// HEAD is answered like GET; other methods get 405. The JSON answers carry
// "Content-Type: application/json;charset=UTF-8" and "Access-Control-Allow-Origin: *".
//
//   std::shared_ptr<FocusProbe> probe = ...;
//   for (const auto& [path, endpoint] : OperationHandler::routes())
//       http.add(path, [probe, version, endpoint = endpoint](const auto&) {
//           return new OperationHandler(probe, version, endpoint); });
#include <Poco/Net/HTTPRequestHandler.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "http/FocusProbe.h"

namespace jicofo::http {

class OperationHandler : public Poco::Net::HTTPRequestHandler {
  public:
    enum class Endpoint { Health, Alive, Version, Stats, Metrics, Page };

    // Shared: a request still running while the focus stops keeps its probe alive.
    OperationHandler(std::shared_ptr<FocusProbe> probe, VersionInfo version, Endpoint endpoint)
        : probe_(std::move(probe)), version_(std::move(version)), endpoint_(endpoint) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

    // Every path served and what it is.
    static const std::vector<std::pair<std::string, Endpoint>>& routes();
    // "?liveness", "?liveness=true" or "?liveness=1" on /about/health ask for the cheap check.
    static bool wantsLiveness(const std::string& target);

  private:
    std::shared_ptr<FocusProbe> probe_;
    VersionInfo version_;
    Endpoint endpoint_;
};

}  // namespace jicofo::http
