#include "http/ShibbolethLoginHandler.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include <future>
#include <memory>

#include "log/Log.h"

namespace jicofo::http {
namespace {

using Poco::Net::HTTPResponse;

void sendText(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status,
              const std::string& text) {
    response.setStatusAndReason(status);
    response.setContentType("text/plain; charset=UTF-8");
    response.set("Cache-Control", "no-store");
    response.sendBuffer(text.data(), text.size());
}

// Safe inside a double-quoted JavaScript string in an HTML <script>: no quote, backslash or '<' survives, so
// neither the string nor the script element can be closed from the value. UTF-8 passes through, except
// U+2028/U+2029 which end a line in older JavaScript.
std::string jsString(const std::string& s) {
    static const char* kHex = "0123456789abcdef";
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        bool lineSeparator = c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                             (static_cast<unsigned char>(s[i + 2]) & 0xfe) == 0xa8;
        if (lineSeparator) {
            out += static_cast<unsigned char>(s[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029";
            i += 2;
        } else if (c < 0x20 || c == '"' || c == '\'' || c == '\\' || c == '<' || c == '>' || c == '&' ||
                   c == '/' || c == 0x7f) {
            out += "\\u00";
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xf]);
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out + "\"";
}

}  // namespace

std::string ShibbolethLoginHandler::page(const std::string& sessionId, const std::string& roomLocalPart,
                                         bool close) {
    // targetOrigin is our own origin: the opener is the Meet page served from the same host (the login path
    // is proxied there), and a session id must not be handed to any other site that opened this window.
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Logged in</title></head><body>\n"
           "<script>\n"
           "(function () {\n"
           "  var sessionId = " +
           jsString(sessionId) +
           ";\n"
           "  var room = " +
           jsString(roomLocalPart) +
           ";\n"
           "  window.localStorage['sessionId'] = sessionId;\n"
           "  if (" +
           (close ? "true" : "false") +
           ") {\n"
           "    if (window.opener) window.opener.postMessage({sessionId: sessionId}, "
           "window.location.origin);\n"
           "    window.close();\n"
           "  } else {\n"
           "    window.location.href = '../' + encodeURIComponent(room);\n"
           "  }\n"
           "})();\n"
           "</script>\n<p>You are logged in.</p>\n</body></html>\n";
}

void ShibbolethLoginHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                           Poco::Net::HTTPServerResponse& response) {
    const std::string& method = request.getMethod();
    if (method != Poco::Net::HTTPRequest::HTTP_GET && method != Poco::Net::HTTPRequest::HTTP_HEAD) {
        response.set("Allow", "GET, HEAD");
        return sendText(response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "GET only\n");
    }
    std::string roomText, machineUid, closeText;
    try {
        Poco::Net::HTMLForm form(request);
        roomText = form.get("room", "");
        machineUid = form.get("machineUID", "");
        closeText = form.get("close", "");
    } catch (const Poco::Exception& e) {
        return sendText(response, HTTPResponse::HTTP_BAD_REQUEST, "malformed query: " + e.message() + "\n");
    }
    if (roomText.empty() || machineUid.empty())
        return sendText(response, HTTPResponse::HTTP_BAD_REQUEST, "room and machineUID are required\n");
    auto room = util::Jid::parse(roomText);
    if (!room || room->node().empty() || !room->isBare())
        return sendText(response, HTTPResponse::HTTP_BAD_REQUEST, "room is not a room JID\n");
    ShibbolethLogin login{machineUid, request.get("mail", ""), request.get("displayName", ""), *room};
    if (login.identity.empty()) {
        JLOG_ROOM(error, room->str())
            << "login page reached without a 'mail' header: is it behind Shibboleth?";
        return sendText(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "no identity ('mail') given\n");
    }
    std::optional<std::string> sessionId = create_(login);
    if (!sessionId)
        return sendText(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "focus busy, try again\n");

    bool close = Poco::icompare(closeText, "true") == 0;
    std::string body = page(*sessionId, roomText.substr(0, roomText.find('@')), close);
    response.setStatusAndReason(HTTPResponse::HTTP_OK);
    response.setContentType("text/html; charset=UTF-8");
    response.set("Cache-Control", "no-store");
    if (method == Poco::Net::HTTPRequest::HTTP_HEAD) {
        response.setContentLength(static_cast<std::streamsize>(body.size()));
        response.send();
        return;
    }
    response.sendBuffer(body.data(), body.size());
}

ShibbolethLoginHandler::SessionCreator ShibbolethLoginHandler::onLoop(util::Loop& loop,
                                                                      auth::ShibbolethAuthority& authority,
                                                                      std::chrono::milliseconds timeout) {
    return [&loop, &authority, timeout](const ShibbolethLogin& login) -> std::optional<std::string> {
        // Shared with the posted task: it may run after we gave up waiting.
        auto promise = std::make_shared<std::promise<std::string>>();
        std::future<std::string> result = promise->get_future();
        loop.post([&authority, login, promise] {
            std::string id = authority.createSessionFromLogin(login.machineUid, login.identity, login.room);
            JLOG_ROOM(info, login.room.str())
                << "Shibboleth login of " << login.identity << " (" << login.displayName << ")";
            promise->set_value(std::move(id));
        });
        if (result.wait_for(timeout) != std::future_status::ready) {
            JLOG_ROOM(warning, login.room.str()) << "focus loop did not create the session of "
                                                 << login.identity << " within " << timeout.count() << " ms";
            return std::nullopt;
        }
        return result.get();
    };
}

}  // namespace jicofo::http
