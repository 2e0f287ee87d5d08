#pragma once
// Small helpers for the focus's HTTP answers, so every handler sets the same headers.
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <initializer_list>
#include <string>

namespace jicofo::http {

// The content type of the 2015 health endpoint, kept for every JSON answer.
inline constexpr const char* kJsonContentType = "application/json;charset=UTF-8";

// Body with Content-Length, "Cache-Control: no-store"; HEAD requests get the headers only.
void sendBody(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const std::string& contentType, const std::string& body);
void sendText(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const std::string& text);
// JSON with "Access-Control-Allow-Origin: *" (as the 2015 health endpoint), so a status page may fetch it.
void sendJson(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
              const std::string& json);
// True when the request's method is one of allowed; otherwise answers 405 with an Allow header.
bool allowMethods(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                  std::initializer_list<const char*> allowed);

}  // namespace jicofo::http
