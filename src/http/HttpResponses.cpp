#include "http/HttpResponses.h"

#include <Poco/Net/HTTPRequest.h>

namespace jicofo::http {

void sendBody(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const std::string& contentType, const std::string& body) {
    response.setStatusAndReason(status);
    response.setContentType(contentType);
    response.set("Cache-Control", "no-store");
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    // For a HEAD request POCO's stream takes the headers only and drops the body written after them.
    response.send().write(body.data(), static_cast<std::streamsize>(body.size()));
}

void sendText(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const std::string& text) {
    sendBody(response, status, "text/plain; charset=UTF-8", text);
}

void sendJson(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const std::string& json) {
    response.set("Access-Control-Allow-Origin", "*");
    sendBody(response, status, kJsonContentType, json);
}

bool allowMethods(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                  std::initializer_list<const char*> allowed) {
    std::string list;
    for (const char* m : allowed) {
        if (request.getMethod() == m) return true;
        list += list.empty() ? m : std::string(", ") + m;
    }
    response.set("Allow", list);
    sendText(response, Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "method not allowed\n");
    return false;
}

}  // namespace jicofo::http
