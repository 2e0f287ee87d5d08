#include "http/OperationHandler.h"

#include <Poco/URI.h>

#include "http/HttpResponses.h"
#include "http/OperatorPage.h"
#include "http/StatsRender.h"

namespace jicofo::http {
namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerResponse;

void sendHealth(HTTPServerResponse& response, const HealthReport& report) {
    sendJson(response, static_cast<HTTPResponse::HTTPStatus>(report.status), healthJson(report));
}

}  // namespace

const std::vector<std::pair<std::string, OperationHandler::Endpoint>>& OperationHandler::routes() {
    static const std::vector<std::pair<std::string, Endpoint>> all = {
        {"/about/health", Endpoint::Health},   {"/about/alive", Endpoint::Alive},
        {"/about/version", Endpoint::Version}, {"/stats", Endpoint::Stats},
        {"/metrics", Endpoint::Metrics},       {"/", Endpoint::Page}};
    return all;
}

bool OperationHandler::wantsLiveness(const std::string& target) {
    if (target.find('?') == std::string::npos) return false;
    try {
        for (const auto& [name, value] : Poco::URI(target).getQueryParameters())
            if (name == "liveness") return value.empty() || value == "true" || value == "1";
    } catch (const Poco::Exception&) {
    }
    return false;
}

void OperationHandler::handleRequest(Poco::Net::HTTPServerRequest& request, HTTPServerResponse& response) {
    if (!allowMethods(request, response, {"GET", "HEAD"})) return;
    switch (endpoint_) {
        case Endpoint::Health:
            return sendHealth(response,
                              wantsLiveness(request.getURI()) ? probe_->liveness() : probe_->health());
        case Endpoint::Alive:
            return sendHealth(response, probe_->liveness());
        case Endpoint::Version:
            return sendJson(response, HTTPResponse::HTTP_OK, versionJson(version_));
        case Endpoint::Stats:
        case Endpoint::Metrics:
        case Endpoint::Page:
            break;
    }
    auto stats = probe_->stats();
    if (endpoint_ == Endpoint::Page) {
        if (!stats)
            return sendBody(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, kHtmlContentType,
                            operatorPageUnavailable(version_));
        return sendBody(response, HTTPResponse::HTTP_OK, kHtmlContentType, operatorPage(*stats, version_));
    }
    if (!stats) {
        // Same meaning as the health check's 503: the focus itself did not answer.
        if (endpoint_ == Endpoint::Stats)
            return sendJson(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                            "{\"error\":\"the focus loop did not answer in time\"}");
        return sendText(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                        "the focus loop did not answer in time\n");
    }
    if (endpoint_ == Endpoint::Stats) return sendJson(response, HTTPResponse::HTTP_OK, statsJson(*stats));
    sendBody(response, HTTPResponse::HTTP_OK, kPrometheusContentType, prometheusText(*stats, version_));
}

}  // namespace jicofo::http
