#include "app/ComponentService.h"

#include <chrono>
#include <ctime>

#include "log/Log.h"
#include "protocol/disco/DiscoInfo.h"
#include "protocol/focus/ConferenceIq.h"
#include "protocol/stanza/Namespaces.h"
#include "util/CalendarTime.h"

namespace jicofo::app {

using protocol::Iq;
using protocol::IqType;
namespace ns = protocol::ns;

namespace {

std::string utcNow() {
    std::time_t t = std::time(nullptr);
    std::tm tm = util::utcCalendar(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

protocol::DiscoInfo ComponentService::discoInfo() {
    protocol::DiscoInfo d;
    d.identities.push_back({"component", "generic", "Jitsi Meet Focus"});
    d.features = {ns::kDiscoInfo, ns::kPing,  ns::kLast,
                  ns::kTime,      ns::kFocus, conference::kTerminateRestartFeature};
    return d;
}

ComponentService::ComponentService(xmpp::IqRouter& router, conference::FocusManager& focus, util::Loop& loop,
                                   std::optional<util::Jid> shutdownAllowedJid,
                                   std::function<void()> onShutdownIdle)
    : focus_(focus),
      loop_(loop),
      started_(loop.now()),
      shutdownAllowedJid_(std::move(shutdownAllowedJid)),
      onShutdownIdle_(std::move(onShutdownIdle)) {
    router.registerHandler(IqType::Get, "query", ns::kDiscoInfo, [](const Iq& iq) -> std::optional<Iq> {
        if (!iq.payload->attr("node").empty())
            return iq.errorReply(protocol::StanzaError::of("item-not-found"));
        return iq.result(discoInfo().toElement());
    });
    router.registerHandler(IqType::Get, "ping", ns::kPing,
                           [](const Iq& iq) -> std::optional<Iq> { return iq.result(); });
    router.registerHandler(IqType::Get, "query", ns::kLast, [this](const Iq& iq) -> std::optional<Iq> {
        // XEP-0012 to a component: its uptime in seconds.
        auto up = std::chrono::duration_cast<std::chrono::seconds>(loop_.now() - started_).count();
        xml::Element q("query", ns::kLast);
        q.setAttr("seconds", std::to_string(up));
        return iq.result(q);
    });
    router.registerHandler(IqType::Get, "time", ns::kTime, [](const Iq& iq) -> std::optional<Iq> {
        xml::Element t("time", ns::kTime);
        t.addChild("tzo").setText("Z");
        t.addChild("utc").setText(utcNow());
        return iq.result(t);
    });
    router.registerHandler<protocol::ConferenceIq>(
        IqType::Set, "conference", ns::kFocus,
        [this](const Iq& iq, const protocol::ConferenceIq& c) { return focus_.handleConferenceIq(iq, c); });
    router.registerHandler(IqType::Get, "stats", ns::kColibri, [this](const Iq& iq) { return stats(iq); });
    router.registerHandler(IqType::Set, "graceful-shutdown", ns::kColibri,
                           [this](const Iq& iq) { return gracefulShutdown(iq); });
}

std::optional<Iq> ComponentService::stats(const Iq& iq) const {
    xml::Element s("stats", ns::kColibri);
    auto stat = [&s](const char* name, const std::string& value) {
        auto& e = s.addChild("stat");
        e.setAttr("name", name);
        e.setAttr("value", value);
    };
    stat("conferences", std::to_string(focus_.conferenceCount()));
    stat("graceful_shutdown", focus_.gracefulShutdown() ? "true" : "false");
    return iq.result(s);
}

std::optional<Iq> ComponentService::gracefulShutdown(const Iq& iq) {
    if (!shutdownAllowedJid_ || iq.from.bare() != shutdownAllowedJid_->bare()) {
        JLOG(warning) << "graceful shutdown refused for " << iq.from.str();
        return iq.errorReply(protocol::StanzaError::of("forbidden"));
    }
    JLOG(info) << "graceful shutdown requested by " << iq.from.str();
    focus_.startGracefulShutdown(onShutdownIdle_);
    return iq.result();
}

}  // namespace jicofo::app
