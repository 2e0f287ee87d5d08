#pragma once
// The Shibboleth login page (docs/protocol.md §4.6): the web server in front of the focus protects it with
// Shibboleth and passes the user's `mail` (and `displayName`) as request headers. GET ?room=&machineUID=
// [&close=true] creates (or reuses) the auth session of (machineUID, mail) and answers a page that stores
// the id in localStorage['sessionId'], then either posts {sessionId} to window.opener and closes (popup) or
// goes to ../<room local part>. The path is not checked (2015 neither); route whatever path you like here.
//
// It runs on a POCO HTTP worker thread, so the session is made on the focus loop through a SessionCreator:
//
//   auto create = ShibbolethLoginHandler::onLoop(loop, shibbolethAuthority, std::chrono::seconds(5));
//   // in your HTTPRequestHandlerFactory::createRequestHandler():
//   return new ShibbolethLoginHandler(create);
//
// Answers: 200 page; 400 without room/machineUID or with a room that is not a room JID; 405 other than
// GET/HEAD; 500 without the mail header; 503 when the focus loop did not answer within the timeout.
#include <Poco/Net/HTTPRequestHandler.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "auth/ShibbolethAuthority.h"
#include "util/Jid.h"
#include "util/Loop.h"

namespace jicofo::http {

struct ShibbolethLogin {
    std::string machineUid;
    std::string identity;     // the `mail` header
    std::string displayName;  // the `displayName` header, for the log only
    util::Jid room;
};

class ShibbolethLoginHandler : public Poco::Net::HTTPRequestHandler {
  public:
    // Called on the HTTP thread; returns the session id, or nothing when the focus did not answer in time.
    using SessionCreator = std::function<std::optional<std::string>(const ShibbolethLogin&)>;

    explicit ShibbolethLoginHandler(SessionCreator create) : create_(std::move(create)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

    // Posts authority.createSessionFromLogin() to the loop and waits up to timeout: the one blocking wait
    // allowed, on an HTTP worker, never on the loop. The authority must outlive the HTTP server.
    static SessionCreator onLoop(util::Loop& loop, auth::ShibbolethAuthority& authority,
                                 std::chrono::milliseconds timeout);

    // The HTML answered on success; values are escaped for a JavaScript string inside <script>.
    static std::string page(const std::string& sessionId, const std::string& roomLocalPart, bool close);

  private:
    SessionCreator create_;
};

}  // namespace jicofo::http
