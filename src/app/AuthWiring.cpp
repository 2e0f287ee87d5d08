#include "app/AuthWiring.h"

#include "auth/AuthFactory.h"
#include "auth/ShibbolethAuthority.h"
#include "config/PropertyNames.h"
#include "http/ShibbolethLoginHandler.h"
#include "log/Log.h"
#include "protocol/stanza/Namespaces.h"

namespace jicofo::app {

using protocol::Iq;
using protocol::StanzaError;

namespace {

auth::AuthSettings authSettings(const config::FocusConfig& c) {
    auth::AuthSettings s;
    s.url = c.authUrl.value_or("");
    s.logoutUrl = c.authLogoutUrl;
    s.disableAutologin = c.disableAutologin;
    s.lifetime = c.authLifetime;
    return s;
}

// Logged first: POCO's ServerApplication catches the exception and exits non-zero (EXIT_SOFTWARE), but only
// our log says why.
[[noreturn]] void fail(const std::string& property, const std::string& message) {
    std::string text = property + ": " + message + "; cannot start";
    JLOG(error) << text;
    throw AuthConfigError(text);
}

}  // namespace

AuthWiring::AuthWiring(const config::FocusConfig& config, util::Loop& loop) : loop_(loop) {
    auto made = auth::createAuthority(loop, authSettings(config));
    if (!made) fail(config::prop::kAuthUrl, made.error().message);
    authority_ = std::move(made.value());
    if (authority_) JLOG(info) << "authentication: " << authority_->describe();
    if (config.reservationBaseUrl && !config.reservationBaseUrl->empty()) {
        http::reservation::ReservationSettings settings;
        settings.baseUrl = *config.reservationBaseUrl;
        auto client = http::reservation::ReservationClient::create(
            loop, settings, [this](const util::Jid& room, const std::string& reason) {
                if (focus_) focus_->destroyRoom(room, reason);
            });
        if (!client) fail(config::prop::kReservationBaseUrl, client.error().message);
        reservations_ = std::move(client.value());
        reservations_->start();
        JLOG(info) << "reservation system at " << settings.baseUrl;
    }
}

AuthWiring::~AuthWiring() {
    if (reservations_) reservations_->stop();
}

void AuthWiring::attach(conference::FocusManager& focus, xmpp::IqRouter& component, HttpRoutes& http) {
    focus_ = &focus;
    component.registerHandler<protocol::LoginUrlIq>(
        protocol::IqType::Get, "login-url", protocol::ns::kFocus,
        [this](const Iq& iq, const protocol::LoginUrlIq& request) { return loginUrl(iq, request); });
    component.registerHandler<protocol::LogoutIq>(
        protocol::IqType::Set, "logout", protocol::ns::kFocus,
        [this](const Iq& iq, const protocol::LogoutIq& request) { return logout(iq, request); });
    if (auto* shibboleth = dynamic_cast<auth::ShibbolethAuthority*>(authority_.get())) {
        auto create = http::ShibbolethLoginHandler::onLoop(loop_, *shibboleth, kLoginTimeout);
        // 2015 did not check the path: the web server in front maps its protected /login here.
        http.setFallback([create](const Poco::Net::HTTPServerRequest&) {
            return new http::ShibbolethLoginHandler(create);
        });
    }
}

std::optional<Iq> AuthWiring::loginUrl(const Iq& iq, const protocol::LoginUrlIq& request) const {
    if (!authority_) return iq.errorReply(StanzaError::of("service-unavailable"));
    auto answer = authority_->handleLoginUrl(request, iq.from);
    if (!answer) return iq.errorReply(answer.error());
    return iq.result(answer->toElement());
}

std::optional<Iq> AuthWiring::logout(const Iq& iq, const protocol::LogoutIq& request) {
    if (!authority_) return iq.errorReply(StanzaError::of("feature-not-implemented"));
    auto answer = authority_->handleLogout(request, iq.from);
    if (!answer) return iq.errorReply(answer.error());
    return iq.result(answer->toElement());
}

void AuthWiring::requestNewRoom(const util::Jid& room, const std::string& owner, Decision done) {
    reservations_->createConference(room, owner, std::move(done));
}

void AuthWiring::conferenceEnded(const util::Jid& room) {
    reservations_->onConferenceEnded(room);
}

}  // namespace jicofo::app
