#pragma once
// Authentication and reservations in the running focus (docs/protocol.md §2.3, §4.3 steps 3-4, §4.6, §6.7):
// the authority from org.jitsi.jicofo.auth.URL, the reservation client from BASE_URL, the login-url and
// logout IQs on the component, and the Shibboleth login page on the HTTP server. FocusWiring builds it before
// the FocusContext (which points at authority() and reservations()) and attaches it once the FocusManager
// exists.
#include <memory>
#include <optional>
#include <stdexcept>

#include "app/HttpRoutes.h"
#include "auth/AuthAuthority.h"
#include "conference/FocusManager.h"
#include "conference/ReservationGate.h"
#include "config/FocusConfig.h"
#include "http/reservation/ReservationClient.h"
#include "protocol/focus/LoginUrlIq.h"
#include "protocol/focus/LogoutIq.h"
#include "xmpp/IqRouter.h"

namespace jicofo::app {

// A bad auth.URL, LOGOUT_URL or BASE_URL: start-up stops with this message (naming the property).
struct AuthConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class AuthWiring : private conference::ReservationGate {
  public:
    // How long the Shibboleth page waits for the focus loop to make the session.
    static constexpr std::chrono::milliseconds kLoginTimeout{5000};

    // Throws AuthConfigError. Starts the reservation client's workers (we are in main(),
    // docs/architecture.md).
    AuthWiring(const config::FocusConfig& config, util::Loop& loop);
    ~AuthWiring() override;
    AuthWiring(const AuthWiring&) = delete;
    AuthWiring& operator=(const AuthWiring&) = delete;

    auth::AuthAuthority* authority() { return authority_.get(); }
    conference::ReservationGate* reservations() { return reservations_ ? this : nullptr; }

    // login-url/logout on the component (answered with their errors when there is no authority), the
    // Shibboleth page on http (any path, as 2015) when the authority is Shibboleth, and the duration guard's
    // room destruction through focus. Before any stream or the HTTP server runs.
    void attach(conference::FocusManager& focus, xmpp::IqRouter& component, HttpRoutes& http);

  private:
    // ReservationGate over the REST client.
    void requestNewRoom(const util::Jid& room, const std::string& owner, Decision done) override;
    void conferenceEnded(const util::Jid& room) override;

    std::optional<protocol::Iq> loginUrl(const protocol::Iq& iq, const protocol::LoginUrlIq& request) const;
    std::optional<protocol::Iq> logout(const protocol::Iq& iq, const protocol::LogoutIq& request);

    util::Loop& loop_;
    std::unique_ptr<auth::AuthAuthority> authority_;
    std::unique_ptr<http::reservation::ReservationClient> reservations_;
    conference::FocusManager* focus_ = nullptr;
};

}  // namespace jicofo::app
